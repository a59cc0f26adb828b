"""The report itself, and its reads (`Melding.objects.open().in_wijk(wijk)`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.feedback.channel import InputChannel
from common.feedback.deadlines import Deadlines, Promised
from common.feedback.events import CurrentStatus
from common.feedback.language import InputLanguage
from common.feedback.location import CoarseLocation
from common.fields import optional_fk

from ..workflow import ANSWERED, CLOSED, OPEN, PUBLIC_ICONS, PUBLIC_LABELS, Status
from .category import Category

# What "late" and "on time" mean for a report (common/feedback/deadlines.py): the promise is
# `deadline` (the category's handling term, never moved; `expected_at` is the new date told to
# the reporter when we miss it), answered when closed with an answer, owed while open, also
# while we wait for the reporter's answer.
DEADLINES = Deadlines(promise="deadline", answered_at="closed_at", waiting=OPEN, answered=ANSWERED)


# Public reports are numbered ZW-<year>-<n>; sensitive ones have their own sequence, so the
# public numbers have no gaps that would tell when a sensitive report came in.
PUBLIC_PREFIX = "ZW"
SENSITIVE_PREFIX = "ZWV"


class MeldingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN)

    def closed(self):
        return self.filter(status__in=CLOSED)

    def public(self):
        return self.filter(category__is_public=True, is_sensitive=False).exclude(
            status=Status.SAMENGEVOEGD
        )

    def overdue(self, now=None):
        return self.filter(DEADLINES.overdue_q(now))

    def in_wijk(self, wijk):
        return self.filter(wijk=wijk)

    def visible_to(self, user):
        """Object-level permission for staff, the rule of `rules.reach`: own department;
        sensitive only for ondermijning."""
        from ..rules import visible_q

        visible = visible_q(user)
        return self if visible is None else self.filter(visible)


class Priority(models.TextChoices):
    """How urgent the handlers find a report: staff's own sorting, never shown to the public."""

    NORMAAL = "normaal", _("normaal")
    HOOG = "hoog", _("hoog")


class Melding(InputLanguage, InputChannel, CurrentStatus, Promised, CoarseLocation, models.Model):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64, editable=False)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="meldingen")
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.GEMELD, db_index=True
    )
    is_sensitive = models.BooleanField(default=False, editable=False)
    priority = models.CharField(
        _("prioriteit"),
        max_length=10,
        choices=Priority.choices,
        default=Priority.NORMAAL,
        db_index=True,
    )
    description = models.TextField(_("omschrijving"))
    public_description = models.TextField(
        _("openbare omschrijving"),
        blank=True,
        help_text=_("Goedgekeurd door een behandelaar; zonder namen of andere persoonsgegevens."),
    )
    # Location: exact for the handler; the public map shows a coarsened point.
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    wijk = optional_fk("common.Wijk", related_name="meldingen")
    afdeling = optional_fk("common.Afdeling", related_name="+")
    assigned_to = optional_fk(
        settings.AUTH_USER_MODEL, _("behandelaar"), related_name="assigned_meldingen"
    )
    # The reporter: all optional, erased after closing (retention); never for sensitive reports
    # unless they typed it themselves.
    reporter = optional_fk(settings.AUTH_USER_MODEL, related_name="meldingen")
    reporter_email = models.EmailField(_("e-mail melder"), blank=True)
    reporter_phone = models.CharField(_("telefoon melder"), max_length=20, blank=True)
    keep_informed = models.BooleanField(_("houd mij op de hoogte"), default=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    deadline = models.DateTimeField(_("uiterste datum"), null=True, blank=True, db_index=True)
    # Set once the reporter and the handling staff were told that the deadline was missed.
    deadline_notified = models.BooleanField(default=False)
    expected_at = models.DateTimeField(
        _("nieuwe verwachte datum"),
        null=True,
        blank=True,
        help_text=_("Als we de uiterste datum niet halen; de uiterste datum zelf blijft staan."),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    merged_into = optional_fk("self", related_name="merged")
    supporters = models.PositiveIntegerField(_("ook gemeld door"), default=0)

    objects = MeldingQuerySet.as_manager()
    public_labels = PUBLIC_LABELS
    public_icons = PUBLIC_ICONS
    open_statuses = OPEN
    deadlines = DEADLINES

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["afdeling", "status", "-created_at"])]

    def __str__(self) -> str:
        return self.reference
