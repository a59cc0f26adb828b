"""An activity in the wijken (inloop, advies, ontwerpsessies, spreekuren, workshops, wijkforums,
the taal- en digitaal café); the registrations for it are in registration.py.

Activities are plain models edited as snippets under /beheer/ rather than pages: an activity is
a dated fact with a place and a capacity, not an article; editors list, filter and copy dozens of
them, and the public list, the iCal feeds and the participation calendar read them with one
query. A registration is confirmed while places are free and waits otherwise; who holds a place
is decided under a row lock on the activity (services/registrations.py), never by
count-then-insert."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from common.audience import Audience


class ActivityType(models.TextChoices):
    INLOOP = "inloop", _("Inloop")
    ADVIES = "advies", _("Advies")
    ONTWERPSESSIE = "ontwerpsessie", _("Ontwerpsessie")
    SPREEKUUR = "spreekuur", _("Spreekuur")
    WORKSHOP = "workshop", _("Workshop")
    WIJKFORUM = "wijkforum", _("Wijkforum")
    TAALCAFE = "taalcafe", _("Taal- en digitaal café")


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        return self.published().filter(ends_at__gt=now or timezone.now())

    def in_wijken(self, wijken):
        return self.filter(wijk__in=wijken)

    def between(self, start: dt.datetime, end: dt.datetime):
        """Activities that overlap [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gt=start)


class Activity(index.Indexed, models.Model):
    type = models.CharField(_("soort"), max_length=20, choices=ActivityType.choices)
    title = models.CharField(_("titel"), max_length=150)
    description = models.TextField(
        _("beschrijving"), help_text=_("Wat gaat er gebeuren, en voor wie? In eenvoudige taal.")
    )
    wijk = models.ForeignKey(
        "common.Wijk", verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="activities"
    )
    place = models.CharField(
        _("plek"), max_length=150, help_text=_("Bijvoorbeeld: Buurthuis De Henneb")
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("begint om"), db_index=True)
    ends_at = models.DateTimeField(_("eindigt om"))
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_(
            "Leeg laten als er geen grens is. Wie er niet meer bij kan, komt op de wachtlijst."
        ),
    )
    registration_open = models.BooleanField(
        _("aanmelden mogelijk"),
        default=True,
        help_text=_("Uit: bewoners kunnen gewoon langskomen, zonder zich aan te melden."),
    )
    organiser = models.CharField(_("organisator"), max_length=150)
    contact_email = models.EmailField(
        _("e-mailadres van de organisator"),
        blank=True,
        help_text=_("Krijgt een bericht als iemand zich aan- of afmeldt. Niet openbaar."),
    )
    audience = models.CharField(
        _("voor wie"),
        max_length=20,
        choices=Audience.choices,
        blank=True,
        help_text=_("Alleen invullen als de activiteit voor een bepaalde groep is."),
    )
    is_published = models.BooleanField(_("gepubliceerd"), default=False)
    # Kept by the services under the activity's row lock (services/registrations.py, _recount),
    # so lists show free places without counting registrations per row.
    confirmed_count = models.PositiveIntegerField(_("aangemeld"), default=0, editable=False)
    waiting_count = models.PositiveIntegerField(_("op de wachtlijst"), default=0, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ActivityQuerySet.as_manager()
    # The site search (agenda/search.py) finds published activities that have not ended.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.RelatedFields("wijk", [index.SearchField("name")]),
        index.FilterField("is_published"),
        index.FilterField("ends_at"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["wijk", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="activity_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d-%m-%Y %H:%M})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("shop:activity", args=[self.pk])

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("De activiteit moet eindigen na het begin.")})

    @property
    def location(self) -> str:
        return ", ".join(filter(None, [self.place, self.address]))

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    def free_places(self) -> int | None:
        """None means no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)
