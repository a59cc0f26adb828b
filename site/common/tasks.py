"""Background tasks of the common app (django-tasks; `manage.py db_worker` runs them)."""

import logging

from django.apps import apps
from django_tasks import task

from .models import Notification
from .notifications import deliver, forget_secrets

logger = logging.getLogger(__name__)


@task()
def send_notification(notification_id: int) -> str:
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None:  # erased with its account in the meantime
        return "gone"
    if notification.status == Notification.Status.SENT:
        return "already sent"
    try:
        deliver(notification)
    except Exception as error:
        Notification.objects.filter(pk=notification_id).update(
            status=Notification.Status.FAILED, error=str(error)[:2000]
        )
        logger.exception("Sending notification %s failed", notification_id)
        raise
    return "sent"


@task()
def make_photo_thumbnail(label: str, photo_id: int) -> str:
    """The thumbnail of a private photo (common.feedback.photos.PrivatePhoto), out of the
    request that stored it. `label` is the model ("meldingen.Photo")."""
    photo = apps.get_model(label).objects.filter(pk=photo_id).first()
    if photo is None:  # removed in the meantime
        return "gone"
    photo.make_thumbnail()
    return "ok"


@task()
def forget_notification_secrets() -> str:
    """Housekeeping: no secret link outlives a mail that was never sent."""
    return f"forgot the links of {forget_secrets()} messages"


@task()
def publish_scheduled() -> str:
    """Publish what editors scheduled and unpublish what expired (Wagtail's command)."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    return out.getvalue()[-2000:]


@task()
def clear_sessions() -> str:
    """Django's `clearsessions`: expired sessions go (they may hold a draft report with contact
    data, or a pending login); the database session backend never drops them by itself."""
    from django.core.management import call_command

    call_command("clearsessions")
    return "ok"


@task()
def translate_fields(
    label: str, object_id: int, fields: list[str], source: str, target: str
) -> str:
    """Machine-translate text fields of one object (common.translation); a failing translator
    is logged and given up, the original stands."""
    from .translation.services import translate_now

    done = translate_now(label, object_id, fields, source, target)
    return f"translated {done} of {len(fields)}"
