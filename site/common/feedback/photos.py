"""Photos residents and staff add to an input (a report, an initiative): stored privately, never
under /media/, and streamed by a view that has checked who may see them. Only the sanitised
re-encoding is stored (common.images); the original upload never touches the disk. The
thumbnail is made in the background after the commit, never in the request; until it exists the
photo itself is served."""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.utils import timezone

from ..files import private_file_response
from ..images import SanitisedImage, make_thumbnail

PHOTO_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
THUMBNAIL = "klein"  # the size in the URLs that asks for the thumbnail


def private_storage() -> FileSystemStorage:
    """Files that a view serves after a permission check (PRIVATE_MEDIA_ROOT)."""
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)


def private_upload_to(instance, filename: str) -> str:
    """<the model's folder>/<random>-<name>: the name is ours (SanitisedImage.as_file), the
    random part keeps one photo's address from leading to the next."""
    return f"{instance.upload_folder()}/{secrets.token_hex(8)}-{filename}"


class PrivatePhoto(models.Model):
    image = models.ImageField(
        upload_to=private_upload_to,
        storage=private_storage,
        width_field="width",
        height_field="height",
    )
    thumbnail = models.ImageField(upload_to=private_upload_to, storage=private_storage, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def upload_folder(self) -> str:
        """Where under PRIVATE_MEDIA_ROOT this kind of photo lives."""
        raise NotImplementedError

    def store(self, image: SanitisedImage, *, thumbnail: bool = True) -> None:
        """Save the row with its photo; the thumbnail follows after the commit."""
        file = image.as_file("foto")
        self.image.save(file.name, file, save=False)
        self.save()
        if thumbnail:
            label, pk = self._meta.label, self.pk
            transaction.on_commit(lambda: _enqueue_thumbnail(label, pk))

    def make_thumbnail(self) -> None:
        with self.image.open("rb") as handle:
            thumb = make_thumbnail(handle.read())
        file = thumb.as_file(THUMBNAIL)
        self.thumbnail.save(file.name, file, save=False)
        self.save(update_fields=["thumbnail"])

    def stored_file(self, size: str = ""):
        """The thumbnail when asked for and made, else the photo."""
        return self.thumbnail if size == THUMBNAIL and self.thumbnail else self.image

    def serve(self, size: str = "", **options):
        """The response for a caller that has checked the permission (private_file_response's
        options: public caching, max_age)."""
        return private_file_response(self.stored_file(size), allowed_types=PHOTO_TYPES, **options)

    def delete_files(self) -> None:
        """The stored files go with the row (a queryset delete does not remove files)."""
        for stored in (self.image, self.thumbnail):
            if stored:
                stored.delete(save=False)


def _enqueue_thumbnail(label: str, pk: int) -> None:
    from ..tasks import make_photo_thumbnail

    make_photo_thumbnail.enqueue(label, pk)
