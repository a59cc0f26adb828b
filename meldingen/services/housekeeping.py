"""The scheduled jobs: forgetting contact data after closing, and the notices of late reports."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common.confirmation import MAX_AGE as CONFIRMATION_MAX_AGE
from common.feedback.language import every_language
from common.l10n import iso_day
from common.models import Notification
from common.notifications import notify
from common.realtime import publish_event
from common.workdays import add_working_days

from ..models import DEADLINES, Melding, Recording, Subscription
from ..workflow import Status
from .base import event_payload, lock, melding_group, queue_group, tell_reporter


def meldingen_erase_contact_data(*, now=None, retention_days: int | None = None) -> int:
    """Retention: a number of days after closing, the report forgets who made and followed it:
    the reporter's contact data and account link, the reporter's recording (the file too), its
    supporters (addresses and accounts) and every message we sent about it. The report itself
    stays, anonymous.
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
        # A voice identifies the reporter as well as an address does: the recording goes, file
        # and all; what the report is about stays in its description and the staff's notes.
        Recording.erase(Recording.objects.filter(melding__reference__in=references))
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
            locked = lock(melding)
            if locked.deadline_notified or not DEADLINES.is_overdue(locked, now):
                continue
            expected = add_working_days(now, max(2, locked.category.handling_days // 2))
            # A later date the reporter was already told (a report moved on) is not taken back.
            if locked.expected_at is None or locked.expected_at < expected:
                locked.expected_at = expected
            locked.deadline_notified = True
            locked.save(update_fields=["expected_at", "deadline_notified", "updated_at"])
            tell_reporter(
                locked,
                "melding_overdue",
                {"old_deadline": _date(locked.deadline), "deadline": _date(locked.expected_at)},
            )
            _tell_staff_late(locked)
            publish_event(melding_group(locked), "melding.status", event_payload(locked))
            publish_event(queue_group(locked), "melding.changed", event_payload(locked))
            count += 1
    return count


def _date(moment) -> str:
    return iso_day(moment) if moment else ""


def _tell_staff_late(melding: Melding) -> None:
    """The handler of a late report hears it; without one, the department's team address."""
    context = {
        "title": melding.reference,
        "reference": melding.reference,
        "category": every_language(melding.category, "name"),
        "deadline": _date(melding.deadline),
        "expected": _date(melding.expected_at),
        "url": reverse("meldingen_backoffice:detail", args=[melding.reference]),
    }
    handler = melding.assigned_to
    if handler is not None and handler.is_active:
        notify(event="melding_overdue_staff", context=context, user=handler)
    elif melding.afdeling_id and melding.afdeling.email:
        notify(event="melding_overdue_staff", context=context, email=melding.afdeling.email)
