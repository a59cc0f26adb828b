"""Around an initiative: its history, the message thread with the broker, internal notes,
co-initiators, and the photos and attachments (stored privately, served by a checking view)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.feedback.events import StatusEvent, actor_kind_field, status_field
from common.feedback.language import InputLanguage
from common.feedback.notes import InternalNote as BaseInternalNote
from common.feedback.photos import PrivatePhoto, private_storage, private_upload_to
from common.feedback.recordings import PrivateRecording
from common.fields import optional_fk

from ..workflow import PUBLIC_ICONS, PUBLIC_LABELS, Actor, Status
from .initiative import Initiative


class InitiativeEvent(StatusEvent):
    """Append-only history. Status events are the initiator's (and, when published, the public's)
    timeline; other kinds (hand-off, edits) are for staff."""

    class Kind(models.TextChoices):
        STATUS = "status", _("statuswijziging")
        HANDOFF = "handoff", _("overgedragen")
        PUBLICATION = "publication", _("publicatie")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STATUS)
    from_status = status_field(Status, blank=True)
    to_status = status_field(Status, blank=True)  # empty for a hand-off
    actor_kind = actor_kind_field(Actor)
    # What belongs to the move: organisation and link, amount and conditions, hand-off target.
    details = models.JSONField(default=dict, blank=True)

    public_labels = PUBLIC_LABELS
    public_icons = PUBLIC_ICONS

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.kind} {self.from_status} → {self.to_status}"

    @property
    def public_label(self) -> str:
        if self.kind == self.Kind.STATUS and self.to_status:
            return super().public_label
        return self.get_kind_display()

    @property
    def public_icon(self) -> str:
        return super().public_icon if self.kind == self.Kind.STATUS else ""


class Message(models.Model):
    """The two-way thread between the initiator (and co-initiators) and the broker."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="messages")
    author = optional_fk(settings.AUTH_USER_MODEL, related_name="+")
    author_kind = models.CharField(max_length=10, choices=Actor.choices)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.text[:40]}"

    @property
    def from_broker(self) -> bool:
        return self.author_kind == Actor.BROKER


class InternalNote(BaseInternalNote):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="notes")


class CoInitiator(InputLanguage, models.Model):
    """Someone invited by email to run the initiative together. The link in the email carries a
    secret; only its hash is stored. Once accepted, they edit and write like the initiator."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="co_initiators"
    )
    email = models.EmailField(_("e-mailadres"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = optional_fk(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="co_initiatives"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The link of an initiative entered at the desk for a resident (`email` may be empty: the
    # link is on their receipt): whoever opens it and logs in becomes the initiator.
    as_initiator = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "email"], name="one_invite_per_email"),
            models.UniqueConstraint(
                fields=["initiative", "user"], condition=~Q(user=None), name="one_coinitiator_row"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.email}"


def upload_folder() -> str:
    return f"initiatieven/{timezone.now():%Y/%m}"


class Photo(PrivatePhoto):
    """Files of initiatives are never served from /media/: a view checks who may see them (the
    public only sees the photos of published initiatives)."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("bij het plan")
        RESULT = "result", _("bij de verantwoording")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="photos")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PLAN)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.kind}"

    def upload_folder(self) -> str:
        return upload_folder()


class Recording(PrivateRecording):
    """The initiator's spoken explanation of the idea (step 1), one per initiative. Only the
    initiator's side and the brokers hear it, never the public: a voice identifies a person."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="recording"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.initiative_id}: opname"

    def upload_folder(self) -> str:
        return upload_folder()


class Attachment(models.Model):
    """A PDF (a plan, a quote). Checked by its first bytes, not by its name."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=private_upload_to, storage=private_storage)
    name = models.CharField(_("naam"), max_length=120)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name

    def upload_folder(self) -> str:
        return upload_folder()
