"""Who may do what with processes. Publishing is the coordinator's (the `publish_process`
permission, given to the coordinator and beheerder groups by this app's data migration)."""

PUBLISH = "processes.publish_process"


def can_publish(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(PUBLISH))


def can_edit(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm("processes.change_process"))


def can_report(user, process) -> bool:
    """The follow-up report: a coordinator, or the process's owner."""
    if not (user and user.is_authenticated):
        return False
    return can_publish(user) or (process.owner_id is not None and process.owner_id == user.pk)
