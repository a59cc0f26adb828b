"""Who plans activities and sees the registrations: coordinators and editors."""

from accounts import roles

AGENDA_ROLES = frozenset({roles.COORDINATOR, roles.REDACTEUR})


def can_manage_agenda(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_agenda_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._agenda_group_names = names
    return bool(names & AGENDA_ROLES)
