"""A machine translation, kept beside its original: one text field of one object, into one
language. It names the digest of the text it was made from, so an edited original is never
shown with an old translation. A row that `failed` records that the translator gave no answer
for that text (twice): nobody asks again for it, and everyone sees the original."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class MachineTranslation(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=60)
    source_language = models.CharField(max_length=8)
    target_language = models.CharField(max_length=8)
    source_digest = models.CharField(max_length=64)
    text = models.TextField(blank=True)
    failed = models.BooleanField(default=False)
    backend = models.CharField(max_length=30)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "common"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "target_language"],
                name="one_machine_translation_per_text_and_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id} {self.field} → {self.target_language}"
