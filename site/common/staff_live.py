"""The live queue of a staff area: who may use the area hears about its objects, in the groups
the app's rules give them (`ws/beheer/<area>/`); everyone else is refused."""

from .consumers import GroupConsumer


class StaffQueueConsumer(GroupConsumer):
    """A subclass names the area's permission and the groups of one user (`queue_groups`)."""

    perm = ""

    def queue_groups(self, user) -> list[str]:
        raise NotImplementedError

    def get_groups(self, user) -> list[str]:
        if not user.has_perm(self.perm):
            return []
        return self.queue_groups(user)
