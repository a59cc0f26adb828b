"""Live updates for meldingen. Consumers only fan out what services publish (STYLE.md): the
handlers' queue hears about new and changed reports, a reporter's status page about its one
report."""

from common.consumers import GroupConsumer
from common.feedback.language import reader_text
from common.feedback.secrets import link_matches
from common.staff_live import StaffQueueConsumer

from .models import Melding
from .rules import queue_groups
from .services import melding_group
from .services.base import FOLLOW
from .workflow import PUBLIC_LABELS, Status


def render_event(payload: dict) -> dict:
    """A report's event as one reader reads it, in their language (services.event_payload
    carries the keys): the status in the resident's words and the category's name."""
    names = payload.pop("category_names", None)
    payload["category"] = reader_text(names)
    status = payload.get("status")
    payload["label"] = str(PUBLIC_LABELS[Status(status)]) if status in Status.values else ""
    return payload


RENDERERS = {event: render_event for event in ("melding.new", "melding.changed", "melding.status")}


class QueueConsumer(StaffQueueConsumer):
    """`ws/beheer/meldingen/`: staff only; everyone else is refused (no groups)."""

    perm = "meldingen.use_queue"
    renderers = RENDERERS

    def queue_groups(self, user) -> list[str]:
        return queue_groups(user)


class MeldingStatusConsumer(GroupConsumer):
    """`ws/melding/<reference>/<secret>/`: the reporter's open status page, reached by the secret
    link without an account, or by the signed-in reporter. A wrong secret is refused the same
    way as an unknown reference."""

    login_required = False
    renderers = RENDERERS

    def get_groups(self, user) -> list[str]:
        kwargs = self.scope["url_route"]["kwargs"]
        melding = Melding.objects.filter(reference=kwargs["reference"]).first()
        if melding is None:
            return []
        secret = kwargs.get("secret", "")
        is_reporter = bool(user and user.is_authenticated and melding.reporter_id == user.pk)
        if link_matches(secret, melding.secret_hash, purpose=FOLLOW) or is_reporter:
            return [melding_group(melding)]
        return []
