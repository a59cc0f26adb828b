"""What the agenda adds to an account: 'Mijn aanmeldingen' in Mijn Zuidwest, the data export
and erasure (registrations of an erased account lose the name and contact details; the places
they held stay counted as cancelled)."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from accounts.exports import (
    by_address,
    erasure_addresses,
    forget_log_entries,
    forget_notifications,
)
from accounts.sections import Section, link_item, status_item
from common.feedback.secrets import hash_secret, new_secret

from .models import Registration, RegistrationStatus


def my_registrations_section(user) -> Section:
    registrations = (
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .filter(activity__ends_at__gt=timezone.now())
        .select_related("activity")
        .order_by("activity__starts_at")[:20]
    )
    items = [
        status_item(
            r.activity.get_absolute_url(),
            r.activity.title,
            formats.date_format(timezone.localtime(r.activity.starts_at), "j F Y, H:i"),
            r.get_status_display(),
        )
        for r in registrations
    ]
    items.append(link_item(reverse("shop:agenda"), _("Naar de agenda")))
    return Section(
        key="aanmeldingen",
        title=_("Mijn aanmeldingen"),
        empty_text=_("U heeft zich nog niet aangemeld voor een activiteit."),
        items=items,
    )


def export_user_registrations(user) -> dict:
    rows = Registration.objects.filter(user=user).select_related("activity", "activity__wijk")
    return {
        "registrations": [
            {
                "activity": r.activity.title,
                "wijk": r.activity.wijk.name,
                "starts_at": r.activity.starts_at.isoformat(),
                "status": r.status,
                "name": r.name,
                "email": r.email,
                "phone": r.phone,
                "registered_at": r.created_at.isoformat(),
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
            }
            for r in rows.order_by("created_at")
        ]
    }


ERASED_FIELDS = ["name", "email", "phone", "user", "cancel_token_hash", "moved_up_token_hash"]


ERASER_COVERS = ["agenda.Registration"]
# The organiser's copies name the resident; they go with the sign-up.
ORGANISER_EVENTS = ["agenda_registration_organiser", "agenda_cancelled_organiser"]


def erase_user_registrations(user) -> None:
    """Cancel what is still to come (the waiting list moves up) and strip personal data: of the
    account's sign-ups, and of those made without logging in with one of its verified addresses."""
    from .services import mail_context, registration_cancel

    theirs = Q(user=user) | by_address("email", erasure_addresses(user))
    upcoming = Registration.objects.filter(theirs, activity__ends_at__gt=timezone.now())
    for registration in upcoming.exclude(status=RegistrationStatus.CANCELLED):
        registration_cancel(registration=registration)
    with transaction.atomic():
        erased = Registration.objects.filter(theirs).select_for_update()
        forget_log_entries(Registration, [r.pk for r in erased])
        for registration in erased:
            context = mail_context(registration)
            forget_notifications(
                ORGANISER_EVENTS, {k: context[k] for k in ("title", "name", "date", "time")}
            )
            registration.name = str(_("verwijderd"))
            registration.email = ""
            registration.phone = "-"
            registration.user = None
            registration.cancel_token_hash = hash_secret(new_secret())
            registration.moved_up_token_hash = None
            registration.save(update_fields=ERASED_FIELDS)
