"""One service per verb for the agenda: register, cancel (which moves the waiting list up) and
the reminders of the day before. Who gets a place is decided under a row lock on the activity,
so two residents clicking at once for the last place never both get it. (The reminders of the
day before: reminders.py.)"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback.channel import Channel
from common.feedback.language import current_language, supported_language
from common.feedback.secrets import hash_secret, later_token_key, new_secret, row_by_later_token
from common.notifications import notify
from common.signups import new_signup

from .. import workflow
from ..models import Activity, Registration, RegistrationStatus
from ..workflow import Actor
from .base import AgendaError
from .ical import activity_ics
from .mails import (
    first_mail_secrets,
    mail_context,
    tell_cancelled,
    tell_confirmed,
    tell_organiser,
)

MANAGE_REGISTRATIONS = "agenda.manage_registrations"


def _check_person(name: str, email: str, phone: str) -> None:
    if not name.strip():
        raise AgendaError(_("Vul uw naam in."))
    if not (email.strip() or phone.strip()):
        raise AgendaError(
            _("Vul een e-mailadres of telefoonnummer in, zodat de organisator u kan bereiken.")
        )


@transaction.atomic
def registration_create(
    *,
    activity: Activity,
    name: str,
    email: str = "",
    phone: str = "",
    user=None,
    language: str = "",
    channel: str = Channel.ONLINE,
) -> tuple[Registration, str]:
    """Register for an activity: a place while there is one, otherwise the waiting list.
    Returns the registration and the secret of its cancel link (only its hash is stored).
    `language` is the resident's (empty: the request's); the desk enters `channel` balie or
    telefoon."""
    locked = Activity.objects.select_for_update().select_related("wijk").get(pk=activity.pk)
    if not locked.is_published:
        raise AgendaError(_("Deze activiteit bestaat niet (meer)."))
    if not locked.registration_open:
        raise AgendaError(
            _("Voor deze activiteit hoeft u zich niet aan te melden. Kom gewoon langs.")
        )
    if locked.starts_at <= timezone.now():
        raise AgendaError(_("Deze activiteit is al begonnen. Aanmelden kan niet meer."))
    _check_person(name, email, phone)
    person, token = new_signup(name=name, email=email, phone=phone, user=user)
    confirmed = locked.registrations.confirmed().count()  # exact: we hold the activity's lock
    has_place = locked.capacity is None or confirmed < locked.capacity
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                activity=locked,
                status=workflow.initial_status(has_place=has_place),
                language=supported_language(language) if language else current_language(),
                channel=channel,
                **person,
            )
    except IntegrityError as error:
        raise AgendaError(
            _("U bent al aangemeld voor deze activiteit. Kijk in uw e-mail voor de bevestiging.")
        ) from error
    _recount(locked)
    secrets = first_mail_secrets(registration, token) if registration.email else None
    if secrets is not None:
        context = mail_context(registration)
        event = "agenda_registration"
        attachments = [("activiteit.ics", activity_ics(locked), "text/calendar")]
        if not has_place:
            event, attachments = "agenda_waiting", None
            context["position"] = locked.registrations.waiting().count()
        notify(
            event=event,
            context=context,
            secret_context=secrets,
            email=registration.email,
            user=registration.user,
            language=registration.language,
            attachments=attachments,
        )
    tell_organiser(locked, event="agenda_registration_organiser", registration=registration)
    return registration, token


# The purpose of a registration's later links (common.feedback.secrets.later_token).
REGISTRATION_LINK = "agenda-registration"


def registration_by_token(token: str) -> Registration | None:
    """The registration behind the link of its confirmation, of the mail that it moved up from
    the waiting list, or of a later mail (the reminder)."""
    if not token:
        return None
    registrations = Registration.objects.select_related("activity", "activity__wijk")
    if later_token_key(token) is not None:
        return row_by_later_token(
            registrations, token, digest_field="cancel_token_hash", purpose=REGISTRATION_LINK
        )
    secret = hash_secret(token)
    return registrations.filter(Q(cancel_token_hash=secret) | Q(moved_up_token_hash=secret)).first()


def waiting_position(registration: Registration) -> int:
    """1 for the first on the waiting list; 0 when not waiting."""
    if registration.status != RegistrationStatus.WAITING:
        return 0
    return (
        registration.activity.registrations.waiting()
        .filter(created_at__lte=registration.created_at)
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


@transaction.atomic
def registration_cancel(*, registration: Registration, organiser=None) -> Registration:
    """Cancel; when a place comes free, the first on the waiting list gets it and is told.
    With `organiser` (a staff member who manages the registrations) the organiser cancels for
    the resident, who is told by mail in their own language."""
    if organiser is not None and not organiser.has_perm(MANAGE_REGISTRATIONS):
        raise AgendaError(_("Alleen de organisator kan een aanmelding van een inwoner afmelden."))
    actor = Actor.PARTICIPANT if organiser is None else Actor.ORGANISER
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not workflow.is_active(registration.status):
        return registration  # cancelled already: a second click changes nothing
    workflow.check_transition(
        registration.status, RegistrationStatus.CANCELLED, actor, refuse=AgendaError
    )
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if organiser is not None:
        tell_cancelled(registration)
    tell_organiser(activity, event="agenda_cancelled_organiser", registration=registration)
    if was_confirmed and activity.ends_at > timezone.now():
        _move_up(activity)
    _recount(activity)
    return registration


def _recount(activity: Activity) -> None:
    """Store the numbers of places taken and people waiting; runs under the activity's lock."""
    counts = activity.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    Activity.objects.filter(pk=activity.pk).update(
        confirmed_count=counts["confirmed"], waiting_count=counts["waiting"]
    )


def _move_up(activity: Activity) -> None:
    """Fill free places from the waiting list, first come first served. Runs under the lock."""
    confirmed = activity.registrations.confirmed().count()
    free = None if activity.capacity is None else activity.capacity - confirmed
    waiting = activity.registrations.waiting().order_by("created_at", "pk")
    for registration in waiting if free is None else waiting[: max(free, 0)]:
        workflow.check_transition(registration.status, RegistrationStatus.CONFIRMED, Actor.SYSTEM)
        registration.status = RegistrationStatus.CONFIRMED
        registration.moved_up_at = timezone.now()
        token = ""
        if registration.email and registration.email_confirmed_at is not None:
            # We hold only the hash of their first link, so the mail carries a second one; the
            # first keeps working too (registration_by_token looks at both).
            token = new_secret()
            registration.moved_up_token_hash = hash_secret(token)
        registration.save(update_fields=["status", "moved_up_at", "moved_up_token_hash"])
        tell_confirmed(registration, token, event="agenda_moved_up")
        tell_organiser(activity, event="agenda_registration_organiser", registration=registration)


def registration_cancel_by_token(*, token: str) -> Registration:
    registration = registration_by_token(token)
    if registration is None:
        raise AgendaError(_("Deze aanmelding bestaat niet."))
    return registration_cancel(registration=registration)
