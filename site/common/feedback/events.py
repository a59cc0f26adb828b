"""The status history every module keeps: append-only rows, one per move, each with what the
resident was told. A module subclasses `StatusEvent`, adds the foreign key to its input and
gives the status and actor fields its own choices; extra columns stay on the subclass. The
input itself keeps its current status (`CurrentStatus`), read in the module's own words."""

from collections.abc import Collection, Mapping

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..fields import optional_fk


def status_field(choices, *, blank: bool = False) -> models.CharField:
    """A status column of a history, with the module's own states as choices."""
    return models.CharField(max_length=30, choices=choices.choices, blank=blank)


def actor_kind_field(choices) -> models.CharField:
    """Who moved it, as a role (the account may be erased later; the role stays)."""
    return models.CharField(max_length=10, choices=choices.choices)


class StatusEvent(models.Model):
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30)
    actor = optional_fk(settings.AUTH_USER_MODEL, related_name="+")
    actor_kind = models.CharField(max_length=10)
    # What the resident reads at this step, in plain language; empty for moves only staff see.
    public_message = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    # The resident-facing name of each state, when it differs from the staff label, and the
    # pictogram shown beside it (a name in static/icons; none for a module without them).
    public_labels: dict = {}
    public_icons: dict = {}

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    @property
    def public_label(self) -> str:
        return self.public_labels.get(self.to_status) or self.get_to_status_display()

    @property
    def public_icon(self) -> str:
        return self.public_icons.get(self.to_status, "")


class CurrentStatus:
    """For an input that keeps its current `status` on itself: what the resident reads for it,
    and whether it is still open. The model names its workflow's tables."""

    public_labels: Mapping = {}
    public_icons: Mapping = {}
    open_statuses: Collection = ()

    @property
    def public_label(self) -> str:
        return self.public_labels[self.status]

    @property
    def public_icon(self) -> str:
        return self.public_icons.get(self.status, "")

    @property
    def is_open(self) -> bool:
        return self.status in self.open_statuses
