"""Live updates for initiatives. Consumers only fan out what the services publish (STYLE.md):
the brokers' queue hears about initiatives in their wijken and those assigned to them; an
initiative's page (the initiator's, and the broker's in the workspace) about that one
initiative, such as a new message in the thread."""

from common.consumers import GroupConsumer
from common.models import Wijk
from common.realtime import group_name

from . import rules
from .models import Initiative
from .services.base import broker_group, initiative_group


def queue_groups(user) -> list[str]:
    """The groups that match what `rules.visible_to_staff(user)` lists."""
    if not (user.is_active and rules.can_use_workspace(user)):
        return []
    if rules.is_overseer(user):
        wijk_ids: list = [*Wijk.objects.values_list("pk", flat=True), "none"]
    else:
        wijk_ids = list(rules.broker_wijk_ids(user))
    groups = [group_name("initiatives", "wijk", pk) for pk in wijk_ids]
    if rules.is_broker(user):
        groups.append(broker_group(user.pk))
    return groups


class QueueConsumer(GroupConsumer):
    """`ws/beheer/initiatieven/`: brokers, coordinators and beheerders; others are refused."""

    def get_groups(self, user) -> list[str]:
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
        if rules.is_initiator_side(user, initiative) or rules.may_view_as_staff(user, initiative):
            return [initiative_group(initiative)]
        return []
