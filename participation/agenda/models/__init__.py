"""The agenda: activities in the wijken and the registrations for them. Split by subject;
everything is importable from here (the migrations and the rest of the app use it)."""

from .activity import Activity, ActivityQuerySet, ActivityType
from .registration import Registration, RegistrationQuerySet, RegistrationStatus

__all__ = [
    "Activity",
    "ActivityQuerySet",
    "ActivityType",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationStatus",
]
