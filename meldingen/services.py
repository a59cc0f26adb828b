"""Every change to a melding happens here: one function per verb, in a transaction, on a locked
row, checked against workflow.py, written to the history, with email and live updates queued
for after the commit (STYLE.md)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.confirmation import MAX_AGE as CONFIRMATION_MAX_AGE
from common.confirmation import mark_confirmed, with_confirmation
from common.feedback import ledger
from common.feedback.references import next_reference
from common.feedback.secrets import hash_secret, new_secret
from common.images import SanitisedImage
from common.models import Notification
from common.notifications import notify
from common.realtime import group_name, publish_event
from common.services import wijk_for_location
from common.workdays import add_working_days

from . import workflow
from .models import (
    DEADLINES,
    PUBLIC_PREFIX,
    SENSITIVE_PREFIX,
    Category,
    Feedback,
    InternalNote,
    Melding,
    Photo,
    RoutingRule,
    StatusChange,
    Subscription,
)
from .workflow import Actor, Status

FEEDBACK_DAYS = 14


class MeldingError(ValidationError):
    """A refusal with a message for the person who tried (Dutch, plain)."""


def queue_group(melding: Melding) -> str:
    if melding.is_sensitive:
        return group_name("meldingen", "ondermijning")
    return group_name("meldingen", "afdeling", melding.afdeling_id or "none")


def melding_group(melding: Melding) -> str:
    return group_name("melding", melding.pk)


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


def follow_path(melding: Melding, secret: str) -> str:
    return f"/melden/volg/{melding.reference}/{secret}/"


def _save_photo(melding: Melding, image: SanitisedImage, kind: str) -> Photo:
    photo = Photo(melding=melding, kind=kind)
    photo.store(image)
    return photo


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


@transaction.atomic
def melding_create(
    *, intake: Intake, photos: list[SanitisedImage], reporter=None
) -> tuple[Melding, str]:
    """A new report. Returns it with the secret of its follow link (shown once, emailed once;
    only its hash is stored)."""
    category = intake.category
    if not intake.description.strip():
        raise MeldingError(_("Beschrijf kort wat er aan de hand is."))
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
        _save_photo(melding, image, Photo.Kind.REPORTER)
    _tell_reporter(melding, "melding_received", links={"follow_url": follow_path(melding, secret)})
    publish_event(queue_group(melding), "melding.new", _event_payload(melding))
    return melding, secret


def _event_payload(melding: Melding) -> dict:
    return {
        "reference": melding.reference,
        "status": melding.status,
        "label": str(melding.public_label),
        "category": melding.category.name,
        "wijk": melding.wijk.name if melding.wijk_id else "",
    }


def _context(melding: Melding, extra: dict | None = None) -> dict:
    latest = melding.history.order_by("-created_at", "-pk").first()
    return {
        "reference": melding.reference,
        "category": melding.category.name,
        "status_label": str(melding.public_label),
        "message": latest.public_message if latest else "",
        "deadline": timezone.localtime(melding.deadline).strftime("%d-%m-%Y")
        if melding.deadline
        else "",
        "handling_message": melding.category.handling_message,
        "title": melding.reference,
        **(extra or {}),
    }


def _tell_reporter(
    melding: Melding, event: str, extra: dict | None = None, *, links: dict | None = None
) -> None:
    """Email the reporter (if they want it and we can) and every subscriber. `links` carry a
    secret: only the reporter's mail gets them, and the stored message forgets them."""
    context = _context(melding, extra)
    if melding.keep_informed:
        if melding.reporter_id:
            notify(event=event, context=context, secret_context=links, user=melding.reporter)
        elif melding.reporter_email:
            notify(event=event, context=context, secret_context=links, email=melding.reporter_email)
    if event == "melding_received":
        return
    for sub in melding.subscriptions.confirmed().select_related("user"):
        if sub.user_id:
            notify(event=event, context={**context, "follow_url": ""}, user=sub.user)
        elif sub.email:
            notify(event=event, context={**context, "follow_url": ""}, email=sub.email)


def _locked(melding: Melding) -> Melding:
    return Melding.objects.select_for_update().select_related("category").get(pk=melding.pk)


@transaction.atomic
def melding_change_status(
    *,
    melding: Melding,
    to: Status,
    actor,
    public_message: str,
    expected_status: str | None = None,
    internal_note: str = "",
    external_party: str = "",
    merge_into: Melding | None = None,
    after_photo: SanitisedImage | None = None,
    actor_kind: Actor = Actor.HANDLER,
) -> Melding:
    locked = _locked(melding)
    if expected_status and locked.status != expected_status:
        raise MeldingError(
            _(
                "Iemand anders heeft deze melding net gewijzigd. "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            )
        )
    to = Status(to)
    workflow.check_transition(Status(locked.status), to, actor_kind, refuse=MeldingError)
    message = (public_message or "").strip()
    if to in workflow.MESSAGE_REQUIRED and actor_kind == Actor.HANDLER and not message:
        raise MeldingError(_("Schrijf een bericht aan de melder: wat is er gebeurd, en waarom?"))
    if to in workflow.NEEDS_PARTY and not external_party.strip():
        raise MeldingError(_("Naar wie is de melding doorgezet? Vul de organisatie in."))
    if to in workflow.NEEDS_TARGET:
        if merge_into is None or merge_into.pk == locked.pk:
            raise MeldingError(_("Kies de melding waarmee deze wordt samengevoegd."))
        merge_into = Melding.objects.select_for_update().get(pk=merge_into.pk)
        if merge_into.is_sensitive != locked.is_sensitive:
            raise MeldingError(
                _("Een vertrouwelijke melding kan niet samen met een openbare melding.")
            )
        if merge_into.status == Status.SAMENGEVOEGD:
            raise MeldingError(
                _("Die melding is zelf al samengevoegd; kies de overgebleven melding.")
            )
    if after_photo is not None and to not in workflow.AFTER_PHOTO_ALLOWED:
        raise MeldingError(_("Een foto na afloop hoort bij afgehandeld."))

    now = timezone.now()
    source = locked.status
    locked.status = to
    if to in workflow.CLOSED:
        locked.closed_at = now
    elif source in workflow.CLOSED or to in {Status.HEROPEND, Status.VERZOEK_TOT_HEROPENEN}:
        locked.closed_at = None
        # Reopened: a new request with a new promise (common/feedback/deadlines.py).
        locked.deadline = add_working_days(now, locked.category.handling_days)
        locked.deadline_notified = False
        locked.expected_at = None
    if to == Status.SAMENGEVOEGD:
        locked.merged_into = merge_into
    locked.save()
    StatusChange.objects.create(
        melding=locked,
        from_status=source,
        to_status=to,
        actor=actor if actor_kind == Actor.HANDLER else None,
        actor_kind=actor_kind,
        public_message=message,
        external_party=external_party.strip(),
        created_at=now,
    )
    if internal_note.strip():
        InternalNote.objects.create(melding=locked, author=actor, text=internal_note.strip())
    if after_photo is not None:
        _save_photo(locked, after_photo, Photo.Kind.AFTER)
    if to == Status.SAMENGEVOEGD:
        _move_followers(locked, merge_into)
    # Answered, reopened or merged away: the ledger shows it (or stops) once this commits.
    ledger.push(locked)
    if actor_kind == Actor.HANDLER:
        event = "melding_question" if to == Status.REACTIE_GEVRAAGD else "melding_status"
        _tell_reporter(locked, event)
    payload = _event_payload(locked)
    publish_event(melding_group(locked), "melding.status", payload)
    publish_event(queue_group(locked), "melding.changed", payload)
    return locked


def _move_followers(merged: Melding, survivor: Melding) -> None:
    """Everyone who followed the merged report now follows the survivor."""
    now = timezone.now()
    followers = []
    if merged.keep_informed:
        followers.append((merged.reporter, merged.reporter_email, now))
    followers += [
        (sub.user, sub.email, sub.confirmed_at)
        for sub in merged.subscriptions.select_related("user")
    ]
    for user, email, confirmed_at in followers:
        if user is None and not email:
            continue
        # A pending address stays pending: its link (for the merged report) still confirms it.
        Subscription.objects.get_or_create(
            melding=survivor,
            user=user,
            email="" if user else email,
            defaults={"confirmed_at": confirmed_at},
        )
    # The merged report's reporter and its supporters all count as supporters of the survivor.
    Melding.objects.filter(pk=survivor.pk).update(
        supporters=F("supporters") + 1 + merged.supporters
    )


@transaction.atomic
def melding_reporter_reply(*, melding: Melding, text: str) -> Melding:
    """The reporter answers the handler's question (via the secret link or their account)."""
    if not text.strip():
        raise MeldingError(_("Schrijf uw antwoord in het vak."))
    return melding_change_status(
        melding=melding,
        to=Status.REACTIE_ONTVANGEN,
        actor=None,
        public_message=text,
        actor_kind=Actor.REPORTER,
    )


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
    locked = _locked(melding)
    if locked.status not in workflow.FEEDBACK_STATES or locked.closed_at is None:
        raise MeldingError(_("U kunt nu niet reageren op deze melding."))
    if timezone.now() - locked.closed_at > timezone.timedelta(days=FEEDBACK_DAYS):
        raise MeldingError(
            _("Reageren kan tot 14 dagen na het afhandelen. Maak een nieuwe melding.")
        )
    if locked.feedback.filter(created_at__gte=locked.closed_at).exists():
        raise MeldingError(_("U heeft al gereageerd. Dank u wel."))
    if not satisfied and not (reason or text.strip()):
        raise MeldingError(_("Vertel ons wat er niet goed is, dan kunnen we opnieuw kijken."))
    feedback = Feedback.objects.create(
        melding=locked, satisfied=satisfied, reason=reason, text=text.strip()
    )
    if photo is not None:
        _save_photo(locked, photo, Photo.Kind.FEEDBACK)
    if not satisfied:
        melding_change_status(
            melding=locked,
            to=Status.VERZOEK_TOT_HEROPENEN,
            actor=None,
            public_message=text.strip() or reason,
            actor_kind=Actor.REPORTER,
        )
    return feedback


SUPPORT_CONFIRMATION = "melding-support"


@transaction.atomic
def melding_support(*, melding: Melding, user=None, email: str = "") -> Subscription:
    """'Dit meld ik ook': follow the report and count as a supporter. A signed-in resident
    counts at once. A typed address is double opt-in: it gets one confirmation mail (at most
    a few an hour, whoever asks) and counts and hears news only after following its link, so
    nobody can subscribe a stranger, nor inflate the count with made-up addresses."""
    if user is None and not email:
        raise MeldingError(_("Vul uw e-mailadres in om op de hoogte te blijven."))
    email = "" if user else email.strip().lower()
    subscription, created = Subscription.objects.get_or_create(
        melding=melding,
        user=user,
        email=email,
        defaults={"confirmed_at": timezone.now() if user else None},
    )
    if user is not None:
        if created:
            Melding.objects.filter(pk=melding.pk).update(supporters=F("supporters") + 1)
    elif subscription.confirmed_at is None:
        secrets = with_confirmation(
            {}, purpose=SUPPORT_CONFIRMATION, pk=subscription.pk, email=email, confirmed=False
        )
        if secrets is not None:
            notify(
                event="melding_support_confirm",
                context={
                    "title": melding.reference,
                    "reference": melding.reference,
                    "category": melding.category.name,
                },
                secret_context=secrets,
                email=email,
            )
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """The link in the confirmation mail was followed: from now on it counts and hears news."""
    if mark_confirmed(subscription, field="confirmed_at"):
        Melding.objects.filter(pk=subscription.melding_id).update(supporters=F("supporters") + 1)
    subscription.refresh_from_db()
    return subscription


@transaction.atomic
def subscription_refuse(*, subscription: Subscription) -> None:
    """'Dit was ik niet': the address is taken off the report and hears nothing more."""
    locked = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    if locked is None:
        return
    if locked.confirmed_at is not None:
        Melding.objects.filter(pk=locked.melding_id, supporters__gt=0).update(
            supporters=F("supporters") - 1
        )
    locked.delete()


@transaction.atomic
def melding_assign(*, melding: Melding, assignee, actor) -> Melding:
    locked = _locked(melding)
    if (
        assignee is not None
        and not Melding.objects.filter(pk=locked.pk).visible_to(assignee).exists()
    ):
        raise MeldingError(_("Deze collega mag deze melding niet behandelen."))
    locked.assigned_to = assignee
    locked.save(update_fields=["assigned_to", "updated_at"])
    InternalNote.objects.create(
        melding=locked,
        author=actor,
        text=_("Toegewezen aan %(name)s.") % {"name": assignee or _("niemand")},
    )
    publish_event(queue_group(locked), "melding.changed", _event_payload(locked))
    return locked


@transaction.atomic
def melding_add_note(*, melding: Melding, author, text: str) -> InternalNote:
    if not text.strip():
        raise MeldingError(_("Een notitie kan niet leeg zijn."))
    return InternalNote.objects.create(melding=_locked(melding), author=author, text=text.strip())


@transaction.atomic
def melding_set_public_description(*, melding: Melding, text: str, actor) -> Melding:
    locked = _locked(melding)
    if locked.is_sensitive:
        raise MeldingError(_("Een vertrouwelijke melding wordt nooit openbaar."))
    locked.public_description = text.strip()
    locked.save(update_fields=["public_description", "updated_at"])
    ledger.push(locked)
    return locked


def meldingen_erase_contact_data(*, now=None, retention_days: int | None = None) -> int:
    """Retention: a number of days after closing, the report forgets who made and followed it:
    the reporter's contact data and account link, its supporters (addresses and accounts) and
    every message we sent about it. The report itself stays, anonymous.
    `retention_days` comes with the job from the scheduler (see tasks.housekeeping); without it
    the setting of this process counts."""
    now = now or timezone.now()
    if retention_days is None:
        retention_days = settings.MELDINGEN_CONTACT_RETENTION_DAYS
    cutoff = now - timezone.timedelta(days=retention_days)
    # Not "doorgezet": an outside party may give the case back, and the reporter must be reachable.
    finished = [Status.AFGEHANDELD, Status.NIET_IN_BEHANDELING, Status.SAMENGEVOEGD]
    # A typed address that never confirmed: once its link has expired it can never count.
    Subscription.objects.filter(
        confirmed_at=None, created_at__lt=now - timezone.timedelta(seconds=CONFIRMATION_MAX_AGE)
    ).delete()
    with transaction.atomic():
        due = Melding.objects.select_for_update().filter(
            status__in=finished, closed_at__lt=cutoff, contact_erased_at=None
        )
        references = list(due.values_list("reference", flat=True))
        if not references:
            return 0
        Subscription.objects.filter(melding__reference__in=references).delete()
        # The messages name the report in their context; by reference, whoever received them.
        Notification.objects.filter(context__reference__in=references).delete()
        return Melding.objects.filter(reference__in=references).update(
            reporter_email="", reporter_phone="", reporter=None, contact_erased_at=now
        )


def meldingen_notify_overdue(*, now=None) -> int:
    """Once per promise, when a report falls late: tell the reporter (with a new expected date)
    and the handling staff (the handler, else the department's team address). The promise
    (`deadline`) stays: the report stays late in every list and figure until it is answered."""
    now = now or timezone.now()
    count = 0
    for melding in Melding.objects.overdue(now).filter(deadline_notified=False):
        with transaction.atomic():
            locked = _locked(melding)
            if locked.deadline_notified or not DEADLINES.is_overdue(locked, now):
                continue
            locked.expected_at = add_working_days(now, max(2, locked.category.handling_days // 2))
            locked.deadline_notified = True
            locked.save(update_fields=["expected_at", "deadline_notified", "updated_at"])
            _tell_reporter(
                locked,
                "melding_overdue",
                {"old_deadline": _date(locked.deadline), "deadline": _date(locked.expected_at)},
            )
            _tell_staff_late(locked)
            publish_event(melding_group(locked), "melding.status", _event_payload(locked))
            publish_event(queue_group(locked), "melding.changed", _event_payload(locked))
            count += 1
    return count


def _date(moment) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y") if moment else ""


def _tell_staff_late(melding: Melding) -> None:
    """The handler of a late report hears it; without one, the department's team address."""
    context = {
        "title": melding.reference,
        "reference": melding.reference,
        "category": melding.category.name,
        "deadline": _date(melding.deadline),
        "expected": _date(melding.expected_at),
        "url": reverse("meldingen_backoffice:detail", args=[melding.reference]),
    }
    handler = melding.assigned_to
    if handler is not None and handler.is_active:
        notify(event="melding_overdue_staff", context=context, user=handler)
    elif melding.afdeling_id and melding.afdeling.email:
        notify(event="melding_overdue_staff", context=context, email=melding.afdeling.email)
