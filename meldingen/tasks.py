"""Background work for meldingen: thumbnails, and the housekeeping that keeps promises
(overdue notices) and privacy (contact data erased after closing)."""

from django.utils import timezone
from django_tasks import task

from .models import DraftPhoto, Photo
from .services import meldingen_erase_contact_data, meldingen_notify_overdue, photo_make_thumbnail


@task()
def make_photo_thumbnail(photo_id: int) -> str:
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return "gone"
    photo_make_thumbnail(photo=photo)
    return "ok"


@task()
def housekeeping() -> dict:
    stale = DraftPhoto.objects.filter(created_at__lt=timezone.now() - timezone.timedelta(days=1))
    for draft in stale:
        draft.image.delete(save=False)
    deleted, _ = stale.delete()
    return {
        "overdue_notified": meldingen_notify_overdue(),
        "contacts_erased": meldingen_erase_contact_data(),
        "drafts_removed": deleted,
    }
