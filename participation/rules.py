"""Who may do what with budget rounds: small predicates in one place. Staff powers come from
model permissions, granted to the coordinator and beheerder roles by migration 0002."""


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_review(user) -> bool:
    return _active(user) and user.has_perm("participation.review_proposals")


def may_manage_voting(user) -> bool:
    return _active(user) and user.has_perm("participation.manage_voting")


def may_close(user) -> bool:
    return _active(user) and user.has_perm("participation.close_round")


def may_use_workspace(user) -> bool:
    return may_review(user) or may_manage_voting(user) or may_close(user)
