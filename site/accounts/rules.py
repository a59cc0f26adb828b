"""The accounts permission (conventions: accounts/roles.py): a staff member manages only the
accounts within their reach (accounts/rights.py)."""

import rules

from .rights import is_in_reach

rules.add_perm("accounts.manage_account", is_in_reach)
