"""Who answers requests for personal advice: the participatiewinkel's coordinators."""

from accounts import roles
from accounts.roles import role_names

ADVICE_ROLES = frozenset({roles.COORDINATOR})


def can_answer_advice(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return bool(role_names(user) & ADVICE_ROLES)
