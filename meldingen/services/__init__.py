"""Every change to a melding happens here: one function per verb, in a transaction, on a locked
row, checked against workflow.py, written to the history, with email and live updates queued
for after the commit (STYLE.md). Split by who acts; everything is importable from here."""

from .base import MeldingError, follow_path, melding_group, queue_group
from .handling import (
    melding_add_note,
    melding_assign,
    melding_change_status,
    melding_set_priority,
    melding_set_public_description,
)
from .housekeeping import meldingen_erase_contact_data, meldingen_notify_overdue
from .reporter import FEEDBACK_DAYS, feedback_refusal, melding_feedback, melding_reporter_reply
from .reporting import Intake, melding_create, melding_send_follow_link, route
from .support import (
    SUPPORT_CONFIRMATION,
    melding_support,
    subscription_confirm,
    subscription_refuse,
)
from .triage import melding_reroute

__all__ = [
    "FEEDBACK_DAYS",
    "SUPPORT_CONFIRMATION",
    "Intake",
    "MeldingError",
    "feedback_refusal",
    "follow_path",
    "melding_add_note",
    "melding_assign",
    "melding_change_status",
    "melding_create",
    "melding_feedback",
    "melding_group",
    "melding_reporter_reply",
    "melding_reroute",
    "melding_send_follow_link",
    "melding_set_priority",
    "melding_set_public_description",
    "melding_support",
    "meldingen_erase_contact_data",
    "meldingen_notify_overdue",
    "queue_group",
    "route",
    "subscription_confirm",
    "subscription_refuse",
]
