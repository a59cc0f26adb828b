"""Live updates for initiatives. Consumers only fan out what the services publish (STYLE.md):
the brokers' queue hears about initiatives in their wijken and those assigned to them; an
initiative's page (the initiator's, and the broker's in the workspace) about that one
initiative, such as a new message in the thread."""

from common.consumers import GroupConsumer
from common.staff_live import StaffQueueConsumer

from . import rules
from .models import Initiative
from .rules import queue_groups
from .services.base import initiative_group


class QueueConsumer(StaffQueueConsumer):
    """`ws/beheer/initiatieven/`: brokers, coordinators and beheerders; others are refused."""

    perm = "initiatives.use_workspace"

    def queue_groups(self, user) -> list[str]:
        return queue_groups(user)


class InitiativeConsumer(GroupConsumer):
    """`ws/initiatieven/<pk>/`: the initiator and accepted co-initiators, and staff who may
    open the initiative in the workspace. Anyone else is refused the same way as for an
    initiative that does not exist, so ids cannot be probed."""

    def get_groups(self, user) -> list[str]:
        pk = self.scope["url_route"]["kwargs"]["pk"]
        initiative = Initiative.objects.filter(pk=pk).exclude(reference=None).first()
        if initiative is None or not user.is_active:
            return []
        if rules.is_initiator_side(user, initiative) or rules.is_visible_to_staff(user, initiative):
            return [initiative_group(initiative)]
        return []
