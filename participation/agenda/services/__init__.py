"""One service per verb for the agenda; views, the back office and the tasks call these and
nothing else changes a registration."""

from .base import AgendaError
from .ical import activity_event, activity_ics
from .mails import REGISTRATION_CONFIRMATION, mail_context, registration_paths
from .registrations import (
    registration_by_token,
    registration_cancel,
    registration_cancel_by_token,
    registration_create,
    waiting_position,
)
from .reminders import registrations_send_reminders

__all__ = [
    "REGISTRATION_CONFIRMATION",
    "AgendaError",
    "activity_event",
    "activity_ics",
    "mail_context",
    "registration_by_token",
    "registration_cancel",
    "registration_cancel_by_token",
    "registration_create",
    "registration_paths",
    "registrations_send_reminders",
    "waiting_position",
]
