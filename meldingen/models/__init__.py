"""Reports (meldingen): categories and routing, the report itself, its public history, photos,
internal notes, subscribers and the reporter's verdict. Split by subject; everything is
importable from here."""

from .category import Category, RoutingRule, StandardText
from .followers import Feedback, Subscription, SubscriptionQuerySet
from .history import InternalNote, StatusChange
from .melding import DEADLINES, PUBLIC_PREFIX, SENSITIVE_PREFIX, Melding, MeldingQuerySet
from .photos import DraftPhoto, Photo

__all__ = [
    "DEADLINES",
    "PUBLIC_PREFIX",
    "SENSITIVE_PREFIX",
    "Category",
    "DraftPhoto",
    "Feedback",
    "InternalNote",
    "Melding",
    "MeldingQuerySet",
    "Photo",
    "RoutingRule",
    "StandardText",
    "StatusChange",
    "Subscription",
    "SubscriptionQuerySet",
]
