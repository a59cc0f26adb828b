"""Page types of the site. Pages hold presentation only; modules fill their parts through
context (bakerydemo's pattern)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .activities import upcoming_activities
from .blocks import BodyBlock


class IntroBodyPage(Page):
    """A page with a lead (`intro`) and a free `body`, edited in that order: most of the
    site's own pages, which add what their type shows through `get_context`."""

    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


class HomePage(IntroBodyPage):
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = [
        "shop.WijkIndexPage",
        "shop.ThemeIndexPage",
        "shop.ParticipatiewinkelPage",
        "shop.ContentPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("startpagina")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wijk_pages"] = (
            WijkPage.objects.live().public().filter(locale=self.locale).order_by("path")
        )
        context["theme_pages"] = (
            ThemePage.objects.live().public().filter(locale=self.locale).order_by("path")
        )
        return context


class WijkIndexPage(Page):
    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["shop.HomePage"]
    subpage_types = ["shop.WijkPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van de wijken")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["wijk_pages"] = (
            WijkPage.objects.child_of(self).live().public().select_related("wijk")
        )
        return context


class WijkPage(Page):
    """One place per wijk; every module adds its part (reports, initiatives, budget round)."""

    wijk = models.ForeignKey(
        "common.Wijk", verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("wijk"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["shop.WijkIndexPage"]
    subpage_types = ["shop.ProjectPage"]

    class Meta:
        verbose_name = _("wijkpagina")

    def get_context(self, request, *args, **kwargs):
        from .wijk import wijk_modules

        context = super().get_context(request, *args, **kwargs)
        context.update(wijk_modules(self, request))
        return context


class ThemeIndexPage(IntroBodyPage):
    parent_page_types = ["shop.HomePage"]
    subpage_types = ["shop.ThemePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programma")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = ThemePage.objects.child_of(self).live().public()

        context["top10"] = (
            Measure.objects.visible()
            .filter(locale=self.locale, top10_rank__isnull=False, theme__live=True)
            .select_related("theme")
            .order_by("top10_rank")
        )
        return context


class ThemePage(Page):
    """A theme of the programme Zuidwest: its ambition, goals and measures."""

    number = models.PositiveSmallIntegerField(_("hoofdstuk"), default=0)
    ambition = models.TextField(_("ambitie"), blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("inhoud"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("ambition"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("ambition"),
        index.SearchField("summary"),
    ]
    parent_page_types = ["shop.ThemeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("thema")

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        context["measures"] = Measure.objects.for_page(self)
        return context


class ParticipatiewinkelPage(IntroBodyPage):
    """The front of the participatiewinkel; methods, advice and agenda hang below it."""

    parent_page_types = ["shop.HomePage"]
    subpage_types = ["shop.ContentPage", "shop.MethodIndexPage", "shop.AdvicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("participatiewinkel")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = upcoming_activities(4)
        return context


class ContentPage(IntroBodyPage):
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("inhoudspagina")


# The methods databank and advice, development projects and the programme's measures live in
# their own packages (shop/methods/, shop/projects.py, shop/programme/);
# their models are imported here so Django registers them with this app.
from .methods.models import AdviceRequest  # noqa: E402, F401
from .methods.pages import AdvicePage, MethodIndexPage, MethodPage  # noqa: E402, F401
from .programme.models import Measure, MeasureLink, MeasureUpdate  # noqa: E402, F401
from .projects import ProjectDocument, ProjectPage, ProjectStep  # noqa: E402, F401
