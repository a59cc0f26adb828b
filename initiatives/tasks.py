"""Background work for initiatives: the reminders the day before a spreekuur appointment."""

from django_tasks import task

from .services import bookings_send_reminders


@task()
def send_booking_reminders() -> int:
    return bookings_send_reminders()
