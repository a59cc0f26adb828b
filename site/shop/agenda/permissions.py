"""Who plans activities and sees the registrations: coordinators and editors."""

from accounts import roles
from accounts.roles import role_names

AGENDA_ROLES = frozenset({roles.COORDINATOR, roles.REDACTEUR})


def can_manage_agenda(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return bool(role_names(user) & AGENDA_ROLES)
