"""What happened to a report: the public history (append-only) and the internal notes."""

from django.db import models

from common.feedback.events import StatusEvent, actor_kind_field, status_field
from common.feedback.notes import InternalNote as BaseInternalNote

from ..workflow import PUBLIC_ICONS, PUBLIC_LABELS, Actor, Status
from .melding import Melding


class StatusChange(StatusEvent):
    """Append-only history; what the reporter sees is `public_message`."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="history")
    from_status = status_field(Status, blank=True)
    to_status = status_field(Status)
    actor_kind = actor_kind_field(Actor)
    # Doorgezet: to whom (police, the housing corporation).
    external_party = models.CharField(max_length=120, blank=True)

    public_labels = PUBLIC_LABELS
    public_icons = PUBLIC_ICONS

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.from_status} → {self.to_status}"


class InternalNote(BaseInternalNote):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="notes")

    class Meta(BaseInternalNote.Meta):
        ordering = ["created_at"]
