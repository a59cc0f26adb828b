"""Initiatives: the proposal, its conversation with a broker, funds and grants, and what
neighbours do with it. Split by subject; everything is importable from here."""

from .community import Support, Volunteer
from .conversation import (
    Attachment,
    CoInitiator,
    InitiativeEvent,
    InternalNote,
    Message,
    Photo,
    Recording,
)
from .funds import Accountability, AccountabilityLine, Fund, Grant
from .initiative import (
    BudgetLine,
    DeclineReason,
    Help,
    Initiative,
    Theme,
    WaitingOn,
)
from .spreekuren import Booking, ConsultationHour
from .staff import AdviceTemplate, BrokerWijk

__all__ = [
    "Accountability",
    "AccountabilityLine",
    "AdviceTemplate",
    "Attachment",
    "Booking",
    "BrokerWijk",
    "BudgetLine",
    "CoInitiator",
    "ConsultationHour",
    "DeclineReason",
    "Fund",
    "Grant",
    "Help",
    "Initiative",
    "InitiativeEvent",
    "InternalNote",
    "Message",
    "Photo",
    "Recording",
    "Support",
    "Theme",
    "Volunteer",
    "WaitingOn",
]
