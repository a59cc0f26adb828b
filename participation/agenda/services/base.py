"""What every agenda service shares."""

from django.core.exceptions import ValidationError


class AgendaError(ValidationError):
    """A reason in plain Dutch why something cannot be done; views show it on the form."""
