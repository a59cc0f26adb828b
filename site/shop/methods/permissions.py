"""Who answers requests for personal advice: the participatiewinkel's coordinators."""

from accounts import roles

ADVICE_ROLES = frozenset({roles.COORDINATOR})


def can_answer_advice(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    names = getattr(user, "_advice_group_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._advice_group_names = names
    return bool(names & ADVICE_ROLES)
