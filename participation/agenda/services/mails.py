"""What the mails about a registration say, and to whom they go."""

from django.urls import reverse
from django.utils import timezone

from common.confirmation import with_confirmation
from common.l10n import iso_day
from common.notifications import notify

from ..models import Activity, Registration
from .ical import activity_ics


def registration_paths(token: str) -> dict:
    return {"manage_url": reverse("shop:registration", args=[token])}


REGISTRATION_CONFIRMATION = "agenda-registration"


def mail_context(registration: Registration) -> dict:
    """What every mail about `registration` says; the day goes as an ISO date and is written in
    the registration's language when the mail is rendered, like the rest of the mail."""
    activity = registration.activity
    local = timezone.localtime(activity.starts_at)
    return {
        "title": activity.title,
        "name": registration.name,
        "date": iso_day(local),
        "time": f"{local:%H:%M}–{timezone.localtime(activity.ends_at):%H:%M}",
        "place": activity.place,
        "address": activity.address,
        "activity_url": activity.get_absolute_url(),
        "ics_url": reverse("shop:activity_ics", args=[activity.pk]),
        "manage_url": "",
    }


def first_mail_secrets(registration: Registration, token: str) -> dict | None:
    return with_confirmation(
        registration_paths(token),
        purpose=REGISTRATION_CONFIRMATION,
        pk=registration.pk,
        email=registration.email,
        confirmed=registration.email_confirmed_at is not None,
    )


def tell_confirmed(registration: Registration, token: str, *, event: str) -> None:
    if registration.email and registration.email_confirmed_at is not None:
        notify(
            event=event,
            context=mail_context(registration),
            secret_context=registration_paths(token) if token else None,
            email=registration.email,
            user=registration.user,
            language=registration.language,
            attachments=[("activiteit.ics", activity_ics(registration.activity), "text/calendar")],
        )


def tell_cancelled(registration: Registration) -> None:
    """The organiser cancelled for the resident: a confirmed address hears it (a typed one
    nobody confirmed hears nothing after the first mail, common.signups)."""
    if registration.email and registration.email_confirmed_at is not None:
        notify(
            event="agenda_cancelled_by_organiser",
            context=mail_context(registration),
            email=registration.email,
            user=registration.user,
            language=registration.language,
        )


def tell_organiser(activity: Activity, *, event: str, registration: Registration) -> None:
    if activity.contact_email:
        context = {**mail_context(registration), "status": registration.get_status_display()}
        notify(event=event, context=context, email=activity.contact_email)
