"""A new report: routed to a department, numbered, promised a handling term."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.audio import CheckedAudio
from common.feedback.channel import Channel
from common.feedback.language import current_language, supported_language
from common.feedback.references import next_reference
from common.feedback.secrets import hash_secret, new_secret
from common.images import SanitisedImage
from common.notifications import notify
from common.realtime import publish_event
from common.services import wijk_for_location
from common.translation.services import translate_later
from common.workdays import add_working_days

from ..models import (
    PUBLIC_PREFIX,
    SENSITIVE_PREFIX,
    Category,
    Melding,
    Photo,
    Recording,
    RoutingRule,
    StatusChange,
)
from ..workflow import Actor, Status
from .base import (
    MeldingError,
    event_payload,
    follow_path,
    later_follow_path,
    queue_group,
    save_photo,
    tell_reporter,
)


def route(*, category: Category, wijk) -> "object | None":
    """The department for a new report: a rule for this wijk, else a rule for every wijk, else
    the category's default."""
    rules = RoutingRule.objects.filter(category=category).select_related("afdeling")
    by_wijk = {rule.wijk_id: rule.afdeling for rule in rules}
    if wijk is not None and wijk.pk in by_wijk:
        return by_wijk[wijk.pk]
    return by_wijk.get(None) or category.default_afdeling


def _next_reference(now, *, sensitive: bool = False) -> str:
    """The next number of the year in the public or the sensitive sequence."""
    return next_reference(SENSITIVE_PREFIX if sensitive else PUBLIC_PREFIX, now)


@dataclass
class Intake:
    category: Category
    description: str
    lat: float | None = None
    lon: float | None = None
    postcode: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    keep_informed: bool = True
    recording: CheckedAudio | None = None  # the spoken description, instead of or beside text
    # The resident's language; empty means the language of the request (the public form).
    language: str = ""
    # How the report reached us: the public form is online; the desk enters balie or telefoon.
    channel: str = Channel.ONLINE


@transaction.atomic
def melding_create(
    *, intake: Intake, photos: list[SanitisedImage], reporter=None
) -> tuple[Melding, str]:
    """A new report. Returns it with the secret of its follow link (shown once, emailed once;
    only its hash is stored)."""
    category = intake.category
    if not intake.description.strip() and intake.recording is None:
        raise MeldingError(_("Beschrijf kort wat er aan de hand is, of spreek het in."))
    now = timezone.now()
    try:
        wijk = wijk_for_location(postcode=intake.postcode or None, lat=intake.lat, lon=intake.lon)
    except ValueError as error:
        raise MeldingError(_("Dit is geen geldige postcode.")) from error
    if wijk is None:
        raise MeldingError(_("Deze plek ligt niet in Den Haag Zuidwest."))
    sensitive = category.is_sensitive
    secret = new_secret()
    melding = Melding.objects.create(
        reference=_next_reference(now, sensitive=sensitive),
        secret_hash=hash_secret(secret),
        category=category,
        is_sensitive=sensitive,
        description=intake.description.strip(),
        lat=intake.lat,
        lon=intake.lon,
        postcode=intake.postcode,
        address=intake.address,
        wijk=wijk,
        afdeling=route(category=category, wijk=wijk),
        # Sensitive reports never link to an account: only what the reporter typed is kept.
        reporter=None if sensitive else reporter,
        reporter_email=intake.email,
        reporter_phone=intake.phone,
        keep_informed=intake.keep_informed,
        language=supported_language(intake.language) if intake.language else current_language(),
        channel=intake.channel,
        created_at=now,
        deadline=add_working_days(now, category.handling_days),
    )
    StatusChange.objects.create(
        melding=melding,
        to_status=Status.GEMELD,
        actor_kind=Actor.REPORTER,
        public_message=category.handling_message,
        created_at=now,
    )
    for image in photos[:3]:
        save_photo(melding, image, Photo.Kind.REPORTER)
    if intake.recording is not None:
        Recording(melding=melding).store(intake.recording)
    # A report in another language reaches the handler in Dutch as well (when translation is on).
    translate_later(melding, ["description"], source=melding.language, target="nl")
    tell_reporter(melding, "melding_received", links={"follow_url": follow_path(melding, secret)})
    publish_event(queue_group(melding), "melding.new", event_payload(melding))
    return melding, secret


def melding_send_follow_link(*, melding: Melding, email: str, language: str) -> None:
    """Mail the follow link to an address the reporter types on the follow page (a reporter
    without an account, or who reported without an address: a sensitive report). The address
    is not put on the report, and the kept message names neither the report nor the link: for
    an anonymous report, nothing in the database ties the address to it."""
    notify(
        event="melding_link",
        email=email,
        language=language,
        context={},
        secret_context={"reference": melding.reference, "follow_url": later_follow_path(melding)},
    )
