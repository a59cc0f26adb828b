"""The reporter's side: answering the handler's question and saying whether it was solved."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.images import SanitisedImage
from common.translation.services import translate_later

from .. import workflow
from ..models import Feedback, Melding, Photo
from ..workflow import Actor, Status
from .base import MeldingError, lock, save_photo
from .handling import melding_change_status

FEEDBACK_DAYS = 14


@transaction.atomic
def melding_reporter_reply(*, melding: Melding, text: str) -> Melding:
    """The reporter answers the handler's question (via the secret link or their account)."""
    if not text.strip():
        raise MeldingError(_("Schrijf uw antwoord in het vak."))
    changed = melding_change_status(
        melding=melding,
        to=Status.REACTIE_ONTVANGEN,
        actor=None,
        public_message=text,
        actor_kind=Actor.REPORTER,
    )
    _translate_for_the_handler(changed)
    return changed


def _translate_for_the_handler(melding: Melding) -> None:
    """The reporter's own words (the latest history row) reach the handler in Dutch as well,
    when translation is on."""
    latest = melding.history.order_by("-created_at", "-pk").first()
    if latest is not None and latest.actor_kind == Actor.REPORTER and latest.public_message:
        translate_later(latest, ["public_message"], source=melding.language, target="nl")


def feedback_refusal(melding: Melding) -> str:
    """Why the reporter cannot say now whether it was solved; empty when they can: for 14 days
    after closing, once per closing. The status page offers the question only then."""
    if melding.status not in workflow.FEEDBACK_STATES or melding.closed_at is None:
        return _("U kunt nu niet reageren op deze melding.")
    if timezone.now() - melding.closed_at > timezone.timedelta(days=FEEDBACK_DAYS):
        return _("Reageren kan tot 14 dagen na het afhandelen. Maak een nieuwe melding.")
    if melding.feedback.filter(created_at__gte=melding.closed_at).exists():
        return _("U heeft al gereageerd. Dank u wel.")
    return ""


@transaction.atomic
def melding_feedback(
    *,
    melding: Melding,
    satisfied: bool,
    reason: str = "",
    text: str = "",
    photo: SanitisedImage | None = None,
) -> Feedback:
    """'Is het opgelost?' — open for 14 days after closing. 'Nee' sends it back to the queue."""
    locked = lock(melding)
    if refusal := feedback_refusal(locked):
        raise MeldingError(refusal)
    if not satisfied and not (reason or text.strip()):
        raise MeldingError(_("Vertel ons wat er niet goed is, dan kunnen we opnieuw kijken."))
    feedback = Feedback.objects.create(
        melding=locked, satisfied=satisfied, reason=reason, text=text.strip()
    )
    if photo is not None:
        save_photo(locked, photo, Photo.Kind.FEEDBACK)
    if not satisfied:
        melding_change_status(
            melding=locked,
            to=Status.VERZOEK_TOT_HEROPENEN,
            actor=None,
            public_message=text.strip() or reason,
            actor_kind=Actor.REPORTER,
        )
        _translate_for_the_handler(locked)
    return feedback
