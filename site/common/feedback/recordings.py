"""Spoken descriptions residents add to an input (a report, an initiative). A voice identifies a
person, so a recording is kept exactly like the photos (common.feedback.photos): in private
storage, never under /media/, streamed only by a view that has checked who may hear it, and
erased with the rest of the person's data (files included). Only the checked file is stored
(common.audio): a WAV written anew, other formats without their tags."""

from django.db import models, transaction
from django.utils import timezone

from ..audio import AUDIO_FORMATS, AUDIO_TYPES, CheckedAudio, minutes
from ..files import private_file_response
from .photos import private_storage, private_upload_to


class PrivateRecording(models.Model):
    audio = models.FileField(upload_to=private_upload_to, storage=private_storage)
    seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def upload_folder(self) -> str:
        """Where under PRIVATE_MEDIA_ROOT this kind of recording lives."""
        raise NotImplementedError

    @property
    def length(self) -> str:
        """0:42: the length as the recorder showed it."""
        return minutes(self.seconds)

    def store(self, recording: CheckedAudio) -> None:
        """Save the row with its file."""
        file = recording.as_file("opname")
        self.seconds = recording.seconds
        self.audio.save(file.name, file, save=False)
        self.save()

    def checked(self) -> CheckedAudio:
        """The stored file as a CheckedAudio again, to move a draft's recording to its input."""
        with self.audio.open("rb") as handle:
            content = handle.read()
        extension = self.audio.name.rsplit(".", 1)[-1]
        content_type = next(t for ext, t in AUDIO_FORMATS.values() if ext == extension)
        return CheckedAudio(
            content=content, extension=extension, content_type=content_type, seconds=self.seconds
        )

    def serve(self, **options):
        """The response for a caller that has checked the permission. Never cached by others:
        a recording is personal data."""
        return private_file_response(self.audio, allowed_types=AUDIO_TYPES, **options)

    def delete_files(self) -> None:
        """The stored file goes with the row (a queryset delete does not remove files)."""
        if self.audio:
            self.audio.delete(save=False)

    @classmethod
    def erase(cls, queryset) -> int:
        """Remove these recordings, and their files once the transaction holds (a rollback then
        keeps both): for erasure, where a queryset delete alone would leave voices on disk."""
        stored = [(r.audio.storage, r.audio.name) for r in queryset.only("audio") if r.audio]
        count, _ = queryset.delete()

        def delete_files():
            for storage, name in stored:
                storage.delete(name)

        transaction.on_commit(delete_files)
        return count
