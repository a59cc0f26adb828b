"""Who plans activities and sees the registrations: coordinators and editors (conventions:
accounts/roles.py)."""

import rules

from accounts import roles
from accounts.roles import has_role

AGENDA_ROLES = frozenset({roles.COORDINATOR, roles.REDACTEUR})

is_agenda_planner = has_role(*AGENDA_ROLES)

rules.add_perm("agenda.manage_agenda", is_agenda_planner)
# The participatiewinkel's desk signs a resident up at the desk or on the phone.
rules.add_perm("agenda.enter_at_desk", has_role(roles.BALIEMEDEWERKER))
