"""Spreekuren: brokers publish consultation hours; residents book a slot with or without an
account, get a confirmation with a cancel link and an agenda file, and a reminder the day before.
No double booking: a partial unique constraint on (hour, slot) for bookings not cancelled."""

import contextlib
import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.confirmation import with_confirmation
from common.feedback.language import each_language
from common.feedback.secrets import hash_secret, later_token, later_token_key, row_by_later_token
from common.ical import CalendarEvent, calendar
from common.l10n import iso_day
from common.notifications import notify
from common.signups import new_signup

from .. import rules
from ..models import Booking, ConsultationHour
from .base import InitiativeError

MAX_HOUR_LENGTH = dt.timedelta(hours=12)
BOOKING_CONFIRMATION = "spreekuur-booking"


def _check_hour(*, place: str, starts_at: dt.datetime, ends_at: dt.datetime, slot_minutes: int):
    if not place.strip():
        raise InitiativeError(_("Vul in waar het spreekuur is."))
    if ends_at <= starts_at:
        raise InitiativeError(_("Het spreekuur moet eindigen na het begin."))
    if ends_at - starts_at > MAX_HOUR_LENGTH:
        raise InitiativeError(_("Een spreekuur duurt hoogstens 12 uur."))
    if starts_at < timezone.now():
        raise InitiativeError(_("Dit tijdstip is al voorbij. Kies een moment in de toekomst."))
    if slot_minutes < 5 or dt.timedelta(minutes=slot_minutes) > ends_at - starts_at:
        raise InitiativeError(
            _("Een afspraak duurt minstens 5 minuten en past binnen het spreekuur.")
        )


@transaction.atomic
def consultation_hour_create(
    *,
    broker,
    place: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    slot_minutes: int = 20,
    wijk=None,
    address: str = "",
    note: str = "",
) -> ConsultationHour:
    if not rules.is_broker(broker):
        raise InitiativeError(_("Alleen initiatievenmakelaars houden spreekuur."))
    _check_hour(place=place, starts_at=starts_at, ends_at=ends_at, slot_minutes=slot_minutes)
    return ConsultationHour.objects.create(
        broker=broker,
        wijk=wijk,
        place=place.strip(),
        address=address.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        slot_minutes=slot_minutes,
        note=note.strip(),
    )


def _locked_hour_to_manage(hour: ConsultationHour, actor) -> ConsultationHour:
    """The hour under a row lock, once the actor may change it and it is still to come."""
    locked = ConsultationHour.objects.select_for_update().get(pk=hour.pk)
    if not rules.is_hour_keeper(actor, locked):
        raise InitiativeError(
            _(
                "Dit spreekuur is van een collega. Alleen die collega of een coördinator kan het "
                "veranderen."
            )
        )
    if locked.is_cancelled:
        raise InitiativeError(_("Dit spreekuur gaat al niet door."))
    if locked.ends_at <= timezone.now():
        raise InitiativeError(_("Dit spreekuur is al voorbij."))
    return locked


def is_told_by_mail(booking: Booking) -> bool:
    """A confirmed address hears of changes; a typed one nobody confirmed hears nothing more
    after the first mail (common.signups), so the broker calls those residents."""
    return bool(booking.email) and booking.email_confirmed_at is not None


@transaction.atomic
def consultation_hour_update(
    *,
    hour: ConsultationHour,
    actor,
    place: str,
    address: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    note: str = "",
) -> tuple[ConsultationHour, int]:
    """Change where and when an hour is. The times may change only around the slots that are
    booked (a booked appointment never moves); a new place or address is mailed to everyone
    booked, in their language. Returns the hour and how many residents were mailed."""
    locked = _locked_hour_to_manage(hour, actor)
    _check_hour(place=place, starts_at=starts_at, ends_at=ends_at, slot_minutes=locked.slot_minutes)
    bookings = list(locked.bookings.active().select_for_update())
    new_slots = set(
        ConsultationHour(
            starts_at=starts_at, ends_at=ends_at, slot_minutes=locked.slot_minutes
        ).slots()
    )
    outside = [b for b in bookings if b.slot_start not in new_slots]
    if outside:
        times = ", ".join(timezone.localtime(b.slot_start).strftime("%H:%M") for b in outside)
        raise InitiativeError(
            _(
                "Er is al een afspraak om %(times)s. Kies tijden waarin die afspraak past, of "
                "zeg het spreekuur af."
            )
            % {"times": times}
        )
    old_place, old_address = locked.place, locked.address
    locked.place, locked.address = place.strip(), address.strip()
    locked.starts_at, locked.ends_at, locked.note = starts_at, ends_at, note.strip()
    locked.save(update_fields=["place", "address", "starts_at", "ends_at", "note"])
    if (old_place, old_address) == (locked.place, locked.address):
        return locked, 0
    told = 0
    for booking in bookings:
        booking.hour = locked
        if is_told_by_mail(booking):
            context = {
                **_mail_context(booking),
                "old_place": old_place,
                "old_address": old_address,
            }
            notify(
                event="initiative_booking_moved",
                context=context,
                email=booking.email,
                language=booking.language,
                attachments=[("spreekuur.ics", booking_ics(booking), "text/calendar")],
            )
            told += 1
    return locked, told


@transaction.atomic
def consultation_hour_cancel(*, hour: ConsultationHour, actor) -> int:
    """The hour does not go ahead: every appointment still to come is cancelled and its
    resident is mailed, in their language, with the agenda file that takes it out of their
    calendar. Returns how many residents were mailed."""
    locked = _locked_hour_to_manage(hour, actor)
    locked.is_cancelled = True
    locked.save(update_fields=["is_cancelled"])
    now = timezone.now()
    told = 0
    for booking in locked.bookings.active().filter(slot_start__gt=now).select_for_update():
        booking.cancelled_at = now
        booking.save(update_fields=["cancelled_at"])
        booking.hour = locked
        if is_told_by_mail(booking):
            notify(
                event="initiative_booking_hour_cancelled",
                context=_mail_context(booking),
                email=booking.email,
                language=booking.language,
                attachments=[("spreekuur.ics", booking_ics(booking), "text/calendar")],
            )
            told += 1
    return told


def free_slots(hour: ConsultationHour, *, now=None) -> list[dt.datetime]:
    now = now or timezone.now()
    taken = set(hour.bookings.active().values_list("slot_start", flat=True))
    return [slot for slot in hour.slots() if slot not in taken and slot > now]


def booking_paths(token: str) -> dict:
    return {
        "manage_url": reverse("initiatives:booking", args=[token]),
        "ics_url": reverse("initiatives:booking_ics", args=[token]),
    }


def _mail_context(booking: Booking) -> dict:
    hour = booking.hour
    local = timezone.localtime(booking.slot_start)
    return {
        "title": each_language(lambda: _("Spreekuur initiatieven")),
        "name": booking.name,
        "date": iso_day(local),
        "time": local.strftime("%H:%M"),
        "place": hour.place,
        "address": hour.address,
        "manage_url": "",
        "ics_url": "",
    }


@transaction.atomic
def booking_create(
    *,
    hour: ConsultationHour,
    slot_start: dt.datetime,
    name: str,
    email: str = "",
    phone: str = "",
    question: str = "",
    user=None,
) -> tuple[Booking, str]:
    """Book one slot. Returns the booking and the secret of its cancel link (shown once and
    mailed once; only its hash is stored)."""
    locked = ConsultationHour.objects.select_for_update().get(pk=hour.pk)
    if locked.is_cancelled:
        raise InitiativeError(_("Dit spreekuur gaat niet door. Kies een ander spreekuur."))
    if slot_start not in locked.slots():
        raise InitiativeError(_("Kies een tijdstip uit de lijst."))
    if slot_start <= timezone.now():
        raise InitiativeError(_("Dit tijdstip is al voorbij. Kies een ander tijdstip."))
    if not name.strip():
        raise InitiativeError(_("Vul uw naam in."))
    if not (email.strip() or phone.strip()):
        raise InitiativeError(
            _("Vul een e-mailadres of telefoonnummer in, zodat de gemeente u kan bereiken.")
        )
    person, token = new_signup(name=name, email=email, phone=phone, user=user)
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                hour=locked, slot_start=slot_start, question=question.strip(), **person
            )
    except IntegrityError as error:
        raise InitiativeError(
            _("Dit tijdstip is net door iemand anders gekozen. Kies een ander tijdstip.")
        ) from error
    secrets = booking.email and with_confirmation(
        booking_paths(token),
        purpose=BOOKING_CONFIRMATION,
        pk=booking.pk,
        email=booking.email,
        confirmed=booking.email_confirmed_at is not None,
    )
    if secrets:
        notify(
            event="initiative_booking",
            context=_mail_context(booking),
            secret_context=secrets,
            email=booking.email,
            language=booking.language,
            attachments=[("spreekuur.ics", booking_ics(booking), "text/calendar")],
        )
    if locked.broker_id:
        context = {**_mail_context(booking), "question": booking.question}
        notify(event="initiative_booking_broker", context=context, user=locked.broker)
    return booking, token


# The purpose of a booking's later links (common.feedback.secrets.later_token).
BOOKING_LINK = "spreekuur-booking"


def booking_by_token(token: str) -> Booking | None:
    """The booking behind the link of its confirmation, or of a later mail (the reminder)."""
    bookings = Booking.objects.select_related("hour")
    if later_token_key(token) is not None:
        return row_by_later_token(
            bookings, token, digest_field="cancel_token_hash", purpose=BOOKING_LINK
        )
    return bookings.filter(cancel_token_hash=hash_secret(token)).first()


@transaction.atomic
def booking_cancel(*, token: str = "", booking: Booking | None = None, actor=None) -> Booking:
    """Cancel by the secret link from the confirmation, or, signed in, as the person who
    booked (Mijn afspraken). Cancelling twice changes nothing."""
    if booking is None:
        booking = booking_by_token(token)
        if booking is None:
            raise InitiativeError(_("Deze afspraak bestaat niet."))
    elif not (actor is not None and actor.is_authenticated and booking.user_id == actor.pk):
        raise InitiativeError(_("Deze afspraak is niet van u."))
    return _cancel(booking)


def _cancel(booking: Booking) -> Booking:
    booking = Booking.objects.select_for_update().select_related("hour").get(pk=booking.pk)
    if booking.cancelled_at is None and booking.slot_start <= timezone.now():
        raise InitiativeError(_("Deze afspraak is al geweest; afzeggen kan niet meer."))
    if booking.cancelled_at is None:
        booking.cancelled_at = timezone.now()
        booking.save(update_fields=["cancelled_at"])
    return booking


def bookings_send_reminders(*, now=None) -> int:
    """Once, the day before: everyone with an email address and a booking tomorrow."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time.min))
    end = start + dt.timedelta(days=1)
    count = 0
    due = Booking.objects.active().filter(
        reminded_at=None, slot_start__gte=start, slot_start__lt=end, hour__is_cancelled=False
    )
    for booking in due.select_related("hour").exclude(email="").exclude(email_confirmed_at=None):
        with transaction.atomic():
            locked = Booking.objects.select_for_update().get(pk=booking.pk)
            if locked.reminded_at is not None:
                continue
            locked.reminded_at = now
            locked.save(update_fields=["reminded_at"])
            context = _mail_context(booking)
            token = later_token(locked.pk, locked.cancel_token_hash, purpose=BOOKING_LINK)
            notify(
                event="initiative_booking_reminder",
                context=context,
                email=booking.email,
                language=booking.language,
                secret_context=booking_paths(token),
            )
            count += 1
    return count


def booking_ics(booking: Booking, *, host: str = "zuidwest.example") -> str:
    """An iCalendar (RFC 5545) file with the booked slot."""
    hour = booking.hour
    event = CalendarEvent(
        uid=f"booking-{booking.pk}@{host}",
        start=booking.slot_start,
        end=booking.slot_end,
        summary=str(_("Spreekuur initiatieven")),
        location=", ".join(filter(None, [hour.place, hour.address])),
        cancelled=booking.cancelled_at is not None,
        stamp=booking.created_at,
    )
    return calendar([event])


@transaction.atomic
def booking_refuse(*, booking: Booking) -> None:
    """'Dit was ik niet' (the link proves the address): the slot is free again and the
    address hears nothing more. A booking that is already past stays as it was."""
    with contextlib.suppress(InitiativeError):
        _cancel(booking)
