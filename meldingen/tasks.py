"""Background work for meldingen: thumbnails, and the housekeeping that keeps promises
(overdue notices) and privacy (contact data erased after closing)."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import DraftPhoto, DraftRecording
from .services import meldingen_erase_contact_data, meldingen_notify_overdue


def enqueue_housekeeping():
    """What `manage.py housekeeping` calls. The retention period is read here, where the
    scheduler runs, and travels with the job: the worker that runs it may have been started
    with another environment, and the job's row records which period it applied."""
    return housekeeping.enqueue(retention_days=settings.MELDINGEN_CONTACT_RETENTION_DAYS)


@task()
def housekeeping(retention_days: int | None = None) -> dict:
    day_ago = timezone.now() - timezone.timedelta(days=1)
    stale = DraftPhoto.objects.filter(created_at__lt=day_ago)
    for draft in stale:
        draft.delete_files()
    deleted, _ = stale.delete()
    deleted += DraftRecording.erase(DraftRecording.objects.filter(created_at__lt=day_ago))
    return {
        "overdue_notified": meldingen_notify_overdue(),
        "contacts_erased": meldingen_erase_contact_data(retention_days=retention_days),
        "drafts_removed": deleted,
    }
