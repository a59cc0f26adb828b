"""One service per verb; views, the back office and the tasks call these and nothing else changes
a process or a reaction."""

from .base import ClashesNotConfirmed, ProcessError
from .contributions import (
    CONTRIBUTION_CONFIRMATION,
    contribution_create,
    contribution_refuse_email,
)
from .processes import (
    LEDGER_SOURCE,
    REMIND_EVERY,
    process_clashes,
    process_publish,
    process_publish_report,
    processes_remind_owners,
)

__all__ = [
    "CONTRIBUTION_CONFIRMATION",
    "LEDGER_SOURCE",
    "REMIND_EVERY",
    "ClashesNotConfirmed",
    "ProcessError",
    "contribution_create",
    "contribution_refuse_email",
    "process_clashes",
    "process_publish",
    "process_publish_report",
    "processes_remind_owners",
]
