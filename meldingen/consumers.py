"""Live updates for meldingen. Consumers only fan out what services publish (STYLE.md): the
handlers' queue hears about new and changed reports, a reporter's status page about its one
report."""

from accounts import roles
from common.consumers import GroupConsumer
from common.feedback.secrets import secret_matches
from common.models import Afdeling
from common.realtime import group_name

from .models import Melding
from .services import melding_group


def queue_groups(user) -> list[str]:
    """The queue groups that match what `Melding.objects.visible_to(user)` shows: a handler's
    own afdeling, every afdeling (and reports without one) for overseers, sensitive reports only
    for ondermijning. A superuser sees everything in the queue, so hears everything too."""
    names = roles.role_names(user)
    groups: list[str] = []
    if user.is_superuser or names & {roles.COORDINATOR, roles.BEHEERDER}:
        groups += [
            group_name("meldingen", "afdeling", pk)
            for pk in Afdeling.objects.values_list("pk", flat=True)
        ]
        groups.append(group_name("meldingen", "afdeling", "none"))
    elif roles.BEHANDELAAR in names and user.afdeling_id:
        groups.append(group_name("meldingen", "afdeling", user.afdeling_id))
    if user.is_superuser or roles.ONDERMIJNING in names:
        groups.append(group_name("meldingen", "ondermijning"))
    return groups


class QueueConsumer(GroupConsumer):
    """`ws/beheer/meldingen/`: staff only; everyone else is refused (no groups)."""

    def get_groups(self, user) -> list[str]:
        if not user.is_active:
            return []
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
