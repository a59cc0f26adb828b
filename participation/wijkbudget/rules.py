"""Who may do what with budget rounds (conventions: accounts/roles.py). Staff powers are the
model permissions `participation.review_proposals`, `participation.manage_voting` and
`participation.close_round`, granted to the coordinator and beheerder roles by migration 0002;
views ask them with `user.has_perm`. The workspace opens to whoever holds one of them."""

import rules


@rules.predicate
def has_round_power(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and any(
        user.has_perm(perm)
        for perm in (
            "participation.review_proposals",
            "participation.manage_voting",
            "participation.close_round",
        )
    )


rules.add_perm("participation.use_workspace", has_round_power)
