"""Photos and the spoken description of a report, and those sent while the report is still a
draft."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.photos import PrivatePhoto
from common.feedback.recordings import PrivateRecording

from .melding import Melding


class Photo(PrivatePhoto):
    """Photos of reports are never served from /media/: a view checks who may see them."""

    class Kind(models.TextChoices):
        REPORTER = "reporter", _("van de melder")
        AFTER = "after", _("na afhandeling")
        FEEDBACK = "feedback", _("bij de reactie van de melder")

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="photos")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORTER)

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.kind}"

    def upload_folder(self) -> str:
        return f"meldingen/{self.melding.created_at:%Y/%m}"


class DraftPhoto(PrivatePhoto):
    """A photo uploaded in step 3 of the report form, before the report exists. Kept by the
    draft's random token (in the visitor's session) and removed after a day by housekeeping.
    Nobody is shown it, so it gets no thumbnail."""

    token = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"concept {self.pk}"

    def upload_folder(self) -> str:
        return "meldingen/concept"


class Recording(PrivateRecording):
    """The reporter's spoken description: one per report, heard only by the staff who may see
    the report, and erased with the reporter's contact data."""

    melding = models.OneToOneField(Melding, on_delete=models.CASCADE, related_name="recording")

    def __str__(self) -> str:
        return f"{self.melding_id}: opname"

    def upload_folder(self) -> str:
        return f"meldingen/{self.melding.created_at:%Y/%m}/opnamen"


class DraftRecording(PrivateRecording):
    """A recording sent with a description step that was refused for another reason (an email
    address with a typo): kept by the draft's token, so the resident need not speak it again.
    Removed after a day by housekeeping, like DraftPhoto."""

    token = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"concept-opname {self.pk}"

    def upload_folder(self) -> str:
        return "meldingen/concept"
