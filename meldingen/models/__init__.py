"""Reports (meldingen): categories and routing, the report itself, its public history, photos,
internal notes, subscribers and the reporter's verdict. Split by subject; everything is
importable from here."""

from .category import Category, RoutingRule, StandardText
from .followers import Feedback, Subscription, SubscriptionQuerySet
from .history import InternalNote, StatusChange
from .melding import (
    DEADLINES,
    PUBLIC_PREFIX,
    SENSITIVE_PREFIX,
    Melding,
    MeldingQuerySet,
    Priority,
)
from .photos import DraftPhoto, DraftRecording, Photo, Recording

__all__ = [
    "DEADLINES",
    "PUBLIC_PREFIX",
    "SENSITIVE_PREFIX",
    "Category",
    "DraftPhoto",
    "DraftRecording",
    "Feedback",
    "InternalNote",
    "Melding",
    "MeldingQuerySet",
    "Photo",
    "Priority",
    "Recording",
    "RoutingRule",
    "StandardText",
    "StatusChange",
    "Subscription",
    "SubscriptionQuerySet",
]
