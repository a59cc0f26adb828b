"""Live updates for meldingen. Consumers only fan out what services publish (STYLE.md): the
handlers' queue hears about new and changed reports, a reporter's status page about its one
report."""

from common.consumers import GroupConsumer
from common.feedback.secrets import secret_matches
from common.staff_live import StaffQueueConsumer

from .models import Melding
from .rules import queue_groups
from .services import melding_group


class QueueConsumer(StaffQueueConsumer):
    """`ws/beheer/meldingen/`: staff only; everyone else is refused (no groups)."""

    perm = "meldingen.use_queue"

    def queue_groups(self, user) -> list[str]:
        return queue_groups(user)


class MeldingStatusConsumer(GroupConsumer):
    """`ws/melding/<reference>/<secret>/`: the reporter's open status page, reached by the secret
    link without an account, or by the signed-in reporter. A wrong secret is refused the same
    way as an unknown reference."""

    login_required = False

    def get_groups(self, user) -> list[str]:
        kwargs = self.scope["url_route"]["kwargs"]
        melding = Melding.objects.filter(reference=kwargs["reference"]).first()
        if melding is None:
            return []
        secret = kwargs.get("secret", "")
        is_reporter = bool(user and user.is_authenticated and melding.reporter_id == user.pk)
        if (secret and secret_matches(secret, melding.secret_hash)) or is_reporter:
            return [melding_group(melding)]
        return []
