"""Who plans activities (coordinators and editors) and who sees and manages the registrations,
with the residents' names and contact details: the coordinators who organise the activities
only. An editor writes about an activity; their work does not need who signed up (conventions:
accounts/roles.py)."""

import rules

from accounts import roles
from accounts.roles import has_role

AGENDA_ROLES = frozenset({roles.COORDINATOR, roles.REDACTEUR})

ORGANISER_ROLES = frozenset({roles.COORDINATOR})

is_agenda_planner = has_role(*AGENDA_ROLES)
is_organiser = has_role(*ORGANISER_ROLES)

rules.add_perm("agenda.manage_agenda", is_agenda_planner)
rules.add_perm("agenda.manage_registrations", is_organiser)
# The participatiewinkel's desk signs a resident up at the desk or on the phone.
rules.add_perm("agenda.enter_at_desk", has_role(roles.BALIEMEDEWERKER))
