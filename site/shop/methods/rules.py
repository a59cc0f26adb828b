"""Who answers requests for personal advice: the participatiewinkel's coordinators
(conventions: accounts/roles.py)."""

import rules

from accounts import roles
from accounts.roles import has_role

ADVICE_ROLES = frozenset({roles.COORDINATOR})

is_advisor = has_role(*ADVICE_ROLES)

rules.add_perm("shop.answer_advice", is_advisor)
