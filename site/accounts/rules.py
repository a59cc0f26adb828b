"""The accounts permission (conventions: accounts/roles.py): a staff member manages only the
accounts within their reach (accounts/rights.py)."""

import rules

from . import roles
from .rights import is_in_reach
from .roles import has_role

rules.add_perm("accounts.manage_account", is_in_reach)

# The desk area of the participatiewinkel (accounts/desk.py). Each module's desk form asks its
# own permission too (`meldingen.enter_at_desk`, ...), given to the same role.
is_desk_employee = has_role(roles.BALIEMEDEWERKER)
rules.add_perm("accounts.use_desk", is_desk_employee)
