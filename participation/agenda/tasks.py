"""Background work of the agenda: the reminders the day before an activity."""

from django_tasks import task

from .services import registrations_send_reminders


@task()
def send_activity_reminders() -> int:
    return registrations_send_reminders()
