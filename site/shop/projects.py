"""Development projects of a wijk (ProjectPage below a WijkPage): what is planned, where, the
timeline of steps with their status, and the documents. Pages rather than snippets, so editors
get previews, revisions, scheduled publishing and translations, and each project has its own
address in site search."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock


class ProjectStatus(models.TextChoices):
    IDEE = "idee", _("Idee")
    PLAN = "plan", _("Plan wordt gemaakt")
    UITVOERING = "uitvoering", _("Wordt uitgevoerd")
    KLAAR = "klaar", _("Klaar")


class StepStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    BEZIG = "bezig", _("Nu bezig")
    KLAAR = "klaar", _("Klaar")


class ProjectPage(Page):
    summary = models.TextField(
        _("samenvatting"),
        max_length=500,
        help_text=_("Twee of drie zinnen in eenvoudige taal. Staat op de wijkpagina."),
    )
    status = models.CharField(
        _("stand van zaken"),
        max_length=12,
        choices=ProjectStatus.choices,
        default=ProjectStatus.PLAN,
    )
    location_name = models.CharField(
        _("plek"), max_length=150, blank=True, help_text=_("Bijvoorbeeld: Twickelstraat")
    )
    latitude = models.DecimalField(
        _("breedtegraad"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("lengtegraad"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("meer informatie"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldPanel("location_name"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Op de kaart"),
        ),
        InlinePanel("steps", heading=_("Tijdlijn"), label=_("stap")),
        InlinePanel("documents", heading=_("Documenten"), label=_("document")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("location_name"),
        index.SearchField("body"),
    ]
    parent_page_types = ["shop.WijkPage"]
    subpage_types: list[str] = []
    template = "shop/project_page.html"

    class Meta:
        verbose_name = _("project in de wijk")
        verbose_name_plural = _("projecten in de wijk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = list(self.steps.order_by("date", "sort_order"))
        context["documents"] = list(self.documents.select_related("document"))
        point = self.point
        context["markers"] = (
            [{"lat": point[0], "lon": point[1], "title": self.title, "url": ""}] if point else []
        )
        return context

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return float(self.latitude), float(self.longitude)

    def current_step(self):
        """The step in progress, else the next planned one; needs `steps` prefetched."""
        steps = list(self.steps.all())
        for wanted in (StepStatus.BEZIG, StepStatus.GEPLAND):
            for step in steps:
                if step.status == wanted:
                    return step
        return None


class ProjectStep(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="steps")
    date = models.DateField(_("datum"))
    title = models.CharField(_("stap"), max_length=150)
    description = models.TextField(_("uitleg"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StepStatus.choices, default=StepStatus.GEPLAND
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("stap")


class ProjectDocument(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("titel"), max_length=150, blank=True, help_text=_("Leeg: de titel van het document.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")

    @property
    def label(self) -> str:
        return self.title or self.document.title
