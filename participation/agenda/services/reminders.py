"""The reminder of the day before an activity."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from common.feedback.secrets import later_token
from common.notifications import notify

from ..models import Registration, RegistrationStatus
from .mails import mail_context, registration_paths
from .registrations import REGISTRATION_LINK


def registrations_send_reminders(*, now: dt.datetime | None = None) -> int:
    """Once, the day before: everyone with a place and an email address. Idempotent: the
    `reminded_at` mark is set under a row lock in the same transaction as the message."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(tomorrow, dt.time.min))
    end = start + dt.timedelta(days=1)
    due = (
        Registration.objects.confirmed()
        .filter(
            reminded_at=None,
            activity__is_published=True,
            activity__starts_at__gte=start,
            activity__starts_at__lt=end,
        )
        .exclude(email="")
        .exclude(email_confirmed_at=None)
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in list(due):
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(of=("self",))
                .select_related("activity")
                .get(pk=pk)
            )
            if registration.reminded_at is not None or (
                registration.status != RegistrationStatus.CONFIRMED
            ):
                continue
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            notify(
                event="agenda_reminder",
                context=mail_context(registration),
                email=registration.email,
                user=registration.user,
                language=registration.language,
                secret_context=registration_paths(
                    later_token(
                        registration.pk,
                        registration.cancel_token_hash,
                        purpose=REGISTRATION_LINK,
                    )
                ),
            )
            count += 1
    return count
