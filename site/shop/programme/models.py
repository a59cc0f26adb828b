"""The measures (maatregelen) of the programme Zuidwest, with their status and progress.

A measure belongs to a theme page. Editors keep it up to date in Wagtail (snippets, with drafts,
revisions, scheduled publishing, previews and translations) and add progress updates and links
to related initiatives, participation processes and budget projects. The ten measures the
programme names as having the most impact carry their rank and are shown first."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet


def validate_link(value: str) -> None:
    """An address on this site (/…) or a web address (https://…); nothing a browser would run."""
    if not (value.startswith("/") and not value.startswith("//")) and not value.startswith(
        ("https://", "http://")
    ):
        raise ValidationError(
            _("Begin met / (een pagina op deze site) of met https:// (een andere website).")
        )


class MeasureStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    VOORBEREIDING = "voorbereiding", _("In voorbereiding")
    BEZIG = "bezig", _("We zijn bezig")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    KLAAR = "klaar", _("Klaar")


class MeasureQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(live=True)

    def for_page(self, theme_page):
        return (
            self.visible()
            .filter(theme=theme_page)
            .prefetch_related("updates", "links")
            .order_by(models.F("top10_rank").asc(nulls_last=True), "number", "pk")
        )


class Measure(
    TranslatableMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    theme = models.ForeignKey(
        "shop.ThemePage",
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("thema"),
    )
    number = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("korte titel"), max_length=160)
    text = models.TextField(_("wat gaan we doen"))
    top10_rank = models.PositiveSmallIntegerField(
        _("plaats in de top 10"),
        null=True,
        blank=True,
        help_text=_("Alleen voor de tien maatregelen met de meeste impact (1 tot en met 10)."),
    )
    status = models.CharField(
        _("stand van zaken"),
        max_length=20,
        choices=MeasureStatus.choices,
        default=MeasureStatus.GEPLAND,
    )

    objects = MeasureQuerySet.as_manager()

    panels = [
        FieldPanel("theme"),
        FieldPanel("title"),
        FieldPanel("text"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("top10_rank"), FieldPanel("number")],
            heading=_("Stand en volgorde"),
        ),
        InlinePanel("updates", label=_("voortgang"), heading=_("Voortgang")),
        InlinePanel("links", label=_("link"), heading=_("Wat hoort erbij")),
    ]
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("text"),
        index.FilterField("live"),
        index.FilterField("theme"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["theme", "number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(top10_rank__isnull=True)
                | models.Q(top10_rank__gte=1, top10_rank__lte=10),
                name="measure_top10_rank_1_to_10",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_preview_template(self, request, mode_name):
        return "shop/programme/measure_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"measure": self, "page": self.theme}


class MeasureUpdate(Orderable):
    """A dated progress note: what happened, in plain words."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("datum"))
    status = models.CharField(
        _("stand na deze stap"), max_length=20, choices=MeasureStatus.choices, blank=True
    )
    text = models.TextField(_("wat is er gebeurd"))

    panels = [FieldPanel("date"), FieldPanel("status"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["-date", "-pk"]
        verbose_name = _("voortgang")


class MeasureLink(Orderable):
    """Something that belongs to the measure: an initiative, a participation process, a budget
    project or a document — by its address, so a module added later needs no change here."""

    class Kind(models.TextChoices):
        INITIATIEF = "initiatief", _("Initiatief")
        INSPRAAK = "inspraak", _("Inspraak")
        WIJKBUDGET = "wijkbudget", _("Wijkbudget")
        ANDERS = "anders", _("Meer informatie")

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.ANDERS)
    title = models.CharField(_("titel"), max_length=200)
    url = models.CharField(
        _("adres"),
        max_length=500,
        validators=[validate_link],
        help_text=_("Bijvoorbeeld /initiatieven/12/ of https://…"),
    )

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")


register_snippet(Measure, viewset="shop.programme.staff.measures.MeasureViewSet")
