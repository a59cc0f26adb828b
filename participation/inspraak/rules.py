"""Who may do what with processes (conventions: accounts/roles.py). Publishing is the
coordinator's: the model permission `processes.publish_process`, given to the coordinator and
beheerder groups by this app's data migration. The follow-up report is the coordinator's or the
process owner's: `processes.report_process`."""

import rules

from accounts import roles
from accounts.roles import has_role

PUBLISH = "processes.publish_process"


@rules.predicate
def has_publish_power(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(PUBLISH))


@rules.predicate
def is_owner(user, process) -> bool:
    return (
        bool(user and user.is_authenticated and process.owner_id is not None)
        and process.owner_id == user.pk
    )


rules.add_perm("processes.report_process", has_publish_power | is_owner)
# The participatiewinkel's desk enters a reaction for a resident at the desk or on the phone.
rules.add_perm("processes.enter_at_desk", has_role(roles.BALIEMEDEWERKER))
