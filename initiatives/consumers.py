"""Live updates for initiatives. Consumers only fan out what the services publish (STYLE.md):
the brokers' queue hears about initiatives in their wijken and those assigned to them; an
initiative's page (the initiator's, and the broker's in the workspace) about that one
initiative, such as a new message in the thread."""

from common.consumers import GroupConsumer
from common.realtime import reader_moment
from common.staff_live import StaffQueueConsumer

from . import rules
from .models import Initiative
from .rules import queue_groups
from .services.base import initiative_group
from .workflow import PUBLIC_LABELS, Status


def render_event(payload: dict) -> dict:
    """An initiative's event as one reader reads it, in their language (services.base
    event_payload carries the keys): the status in the resident's words and, for a message in
    the thread, when it was sent, as the page writes it."""
    status = payload.get("status")
    payload["label"] = str(PUBLIC_LABELS[Status(status)]) if status in Status.values else ""
    if isinstance(payload.get("message"), dict):
        message = dict(payload["message"])
        message["at"] = reader_moment(message.get("sent_at"))
        payload["message"] = message
    return payload


RENDERERS = {
    event: render_event
    for event in (
        "initiative.new",
        "initiative.status",
        "initiative.changed",
        "initiative.message",
        "initiative.support",
    )
}


class QueueConsumer(StaffQueueConsumer):
    """`ws/beheer/initiatieven/`: brokers, coordinators and beheerders; others are refused."""

    perm = "initiatives.use_workspace"
    renderers = RENDERERS

    def queue_groups(self, user) -> list[str]:
        return queue_groups(user)


class InitiativeConsumer(GroupConsumer):
    """`ws/initiatieven/<pk>/`: the initiator and accepted co-initiators, and staff who may
    open the initiative in the workspace. Anyone else is refused the same way as for an
    initiative that does not exist, so ids cannot be probed."""

    renderers = RENDERERS

    def get_groups(self, user) -> list[str]:
        pk = self.scope["url_route"]["kwargs"]["pk"]
        initiative = Initiative.objects.filter(pk=pk).exclude(reference=None).first()
        if initiative is None or not user.is_active:
            return []
        if rules.is_initiator_side(user, initiative) or rules.is_visible_to_staff(user, initiative):
            return [initiative_group(initiative)]
        return []
