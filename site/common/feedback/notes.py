"""Internal notes on an input: for colleagues only, never shown to the resident or the public,
never in an API. A module subclasses `InternalNote` and adds the foreign key to its input."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class InternalNote(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.input_id}: {self.text[:40]}"

    @property
    def input_id(self):
        """The id of the input the note is about: the foreign key besides the author."""
        field = next(f for f in self._meta.concrete_fields if f.many_to_one and f.name != "author")
        return getattr(self, field.attname)
