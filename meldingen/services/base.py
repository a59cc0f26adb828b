"""What every melding service shares: the refusal type, the live-update groups and payload,
the locked read, storing a photo, and telling the reporter and the followers."""

from django.core.exceptions import ValidationError

from common.feedback.language import each_language, every_language
from common.feedback.secrets import later_secret
from common.images import SanitisedImage
from common.l10n import iso_day
from common.notifications import notify
from common.realtime import group_name
from common.translation.services import mail_translation, translate_later

from ..models import Melding, Photo
from ..workflow import Actor


class MeldingError(ValidationError):
    """A refusal with a message for the person who tried (Dutch, plain)."""


def queue_group(melding: Melding) -> str:
    if melding.is_sensitive:
        return group_name("meldingen", "ondermijning")
    return group_name("meldingen", "afdeling", melding.afdeling_id or "none")


def melding_group(melding: Melding) -> str:
    return group_name("melding", melding.pk)


# The purpose of a melding's follow links (common.feedback.secrets.later_secret).
FOLLOW = "melding-follow"


def follow_path(melding: Melding, secret: str) -> str:
    return f"/melden/volg/{melding.reference}/{secret}/"


def later_follow_path(melding: Melding) -> str:
    """The follow link of a later mail: the same page as the first mail's, by a secret derived
    from the stored digest (the first secret is kept nowhere)."""
    return follow_path(melding, later_secret(melding.secret_hash, purpose=FOLLOW))


def save_photo(melding: Melding, image: SanitisedImage, kind: str) -> Photo:
    photo = Photo(melding=melding, kind=kind)
    photo.store(image)
    return photo


def event_payload(melding: Melding) -> dict:
    """Data and keys only: each open page makes the words in its reader's language
    (consumers.render_event)."""
    return {
        "reference": melding.reference,
        "status": melding.status,
        "category_names": every_language(melding.category, "name"),
        "wijk": melding.wijk.name if melding.wijk_id else "",
    }


def _context(melding: Melding, extra: dict | None = None) -> dict:
    latest = melding.history.order_by("-created_at", "-pk").first()
    translations = {}
    if latest is not None and latest.actor_kind == Actor.HANDLER and latest.public_message:
        # The handler writes Dutch; a reporter or follower in another language reads it
        # machine-translated too (when translation is on), with the original below it.
        translations["message"] = mail_translation(latest, "public_message", source="nl")
        translate_later(latest, ["public_message"], source="nl", target=melding.language)
    return {
        "reference": melding.reference,
        "category": every_language(melding.category, "name"),
        "status_label": each_language(lambda: melding.public_label),
        "message": latest.public_message if latest else "",
        "deadline": iso_day(melding.deadline) if melding.deadline else "",
        "handling_message": every_language(melding.category, "handling_message"),
        "title": melding.reference,
        "machine_translations": translations,
        **(extra or {}),
    }


def tell_reporter(
    melding: Melding, event: str, extra: dict | None = None, *, links: dict | None = None
) -> None:
    """Email the reporter (if they want it and we can) and every subscriber, each in the
    language they used: the reporter in the report's, a follower in their own. `links` carry a
    secret: only the reporter's mail gets them, and the stored message forgets them."""
    context = _context(melding, extra)
    if links is None and melding.secret_hash:
        # Every mail carries its own way back: a reporter without an account who lost the first
        # mail still reaches the report (kept for the mail only, as the first link is).
        links = {"follow_url": later_follow_path(melding)}
    if melding.keep_informed:
        if melding.reporter_id:
            notify(
                event=event,
                context=context,
                secret_context=links,
                user=melding.reporter,
                language=melding.language,
            )
        elif melding.reporter_email:
            notify(
                event=event,
                context=context,
                secret_context=links,
                email=melding.reporter_email,
                language=melding.language,
            )
    if event == "melding_received":
        return
    for sub in melding.subscriptions.confirmed().select_related("user"):
        followed = {**context, "follow_url": ""}
        if sub.user_id:
            notify(event=event, context=followed, user=sub.user, language=sub.language)
        elif sub.email:
            notify(event=event, context=followed, email=sub.email, language=sub.language)


def lock(melding: Melding) -> Melding:
    return Melding.objects.select_for_update().select_related("category").get(pk=melding.pk)
