"""What every inspraak service shares: the refusal, the row lock, the Dutch address."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from ..models import Process


class ProcessError(ValidationError):
    """A refused action; the message is for the person who tried it."""


class ClashesNotConfirmed(ProcessError):
    def __init__(self, clashes: list[Process]):
        self.clashes = clashes
        super().__init__(
            _(
                "Er lopen in dezelfde wijk al trajecten voor dezelfde bewoners. "
                "Bekijk ze en bevestig."
            )
        )


def locked(process: Process) -> Process:
    return Process.objects.select_for_update().get(pk=process.pk)


def dutch_url(process: Process) -> str:
    """Stored and mailed addresses are the Dutch ones (no prefix), whatever the admin's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return process.get_absolute_url()
