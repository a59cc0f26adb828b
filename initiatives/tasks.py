"""Background work for initiatives: the reminders the day before a spreekuur appointment, and
the notice to brokers when an initiative falls late."""

from django_tasks import task

from .services import bookings_send_reminders
from .services.late import initiatives_tell_brokers_late


@task()
def housekeeping() -> dict:
    """Both are idempotent (reminded_at, common.LateNotice): a second run sends nothing."""
    return {
        "booking_reminders": bookings_send_reminders(),
        "late_notices": initiatives_tell_brokers_late(),
    }
