"""Participation processes (inspraaktrajecten) and the reactions to them. Split by subject;
everything is importable from here (the migrations and the other parts of the app use it)."""

from ..workflow import Status
from .contribution import Contribution
from .process import (
    DEADLINES,
    INFLUENCE_EXPLAINED,
    Audience,
    Phase,
    Process,
    ProcessQuerySet,
    audiences_overlap,
)

__all__ = [
    "DEADLINES",
    "INFLUENCE_EXPLAINED",
    "Audience",
    "Contribution",
    "Phase",
    "Process",
    "ProcessQuerySet",
    "Status",
    "audiences_overlap",
]
