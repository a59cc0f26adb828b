"""The methods databank and the advice questionnaire as Wagtail pages.

Methods are pages (MethodPage below a MethodIndexPage), not snippets behind a routable index:
editors then write them like any other page, with previews, revisions, scheduled publishing and
Wagtail's translations, each method has its own address that shows up in site search, and the
index lists only what is live. The fixed facts (ladder, audiences, costs) are checkboxes and
choices, so the filters and the advice can rely on them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .facets import MethodFacts
from .fields import ChoiceListField
from .vocabulary import (
    INFLUENCE_EXPLAINED,
    Audience,
    Channel,
    Cost,
    Duration,
    Goal,
    Influence,
    Suitability,
)


class MethodIndexPage(Page):
    """/participatiewinkel/methoden/: the databank with filters and search (views/methods.py)."""

    intro = models.TextField(_("inleiding"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["shop.ParticipatiewinkelPage"]
    subpage_types = ["shop.MethodPage"]
    max_count_per_parent = 1
    template = "shop/methods/method_index_page.html"

    class Meta:
        verbose_name = _("databank met methoden")

    def get_context(self, request, *args, **kwargs):
        from .views.methods import method_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(method_index_context(self, request))
        return context


class MethodPage(Page):
    summary = models.TextField(
        _("korte omschrijving"),
        max_length=400,
        help_text=_("Eén of twee zinnen in eenvoudige taal. Staat in het overzicht."),
    )
    goal = models.TextField(_("doel"), help_text=_("Wat levert deze methode op?"))
    goals = ChoiceListField(_("hiermee kunt u"), choices_class=Goal)
    influence = ChoiceListField(
        _("invloed van deelnemers"),
        choices_class=Influence,
        help_text=_("De treden van de participatieladder waarvoor de methode geschikt is."),
    )
    audiences = ChoiceListField(_("voor wie"), choices_class=Audience)
    channels = ChoiceListField(_("op locatie of online"), choices_class=Channel)
    group_min = models.PositiveIntegerField(_("kleinste groep"), default=5)
    group_max = models.PositiveIntegerField(_("grootste groep"), default=30)
    duration = models.CharField(
        _("doorlooptijd"), max_length=12, choices=Duration.choices, default=Duration.MIDDEL
    )
    duration_note = models.CharField(_("tijd in de praktijk"), max_length=250, blank=True)
    cost = models.CharField(_("kosten"), max_length=12, choices=Cost.choices, default=Cost.LAAG)
    cost_note = models.CharField(_("waar gaat het geld naartoe"), max_length=250, blank=True)
    low_literacy = models.CharField(
        _("geschikt als lezen en schrijven moeilijk is"),
        max_length=12,
        choices=Suitability.choices,
        default=Suitability.AANPASSING,
    )
    other_languages = models.CharField(
        _("geschikt voor wie weinig Nederlands spreekt"),
        max_length=12,
        choices=Suitability.choices,
        default=Suitability.AANPASSING,
    )
    access_note = models.TextField(_("tips voor toegankelijkheid"), blank=True)
    steps = StreamField(
        [("step", blocks.TextBlock(label=_("stap")))], blank=True, verbose_name=_("stappen")
    )
    pitfalls = StreamField(
        [("pitfall", blocks.TextBlock(label=_("valkuil")))],
        blank=True,
        verbose_name=_("valkuilen"),
    )
    example = models.TextField(
        _("voorbeeld in Zuidwest"),
        blank=True,
        help_text=_("Een bescheiden voorbeeld van hoe het kan gaan. Geen verzonnen cijfers."),
    )
    keywords = models.CharField(
        _("zoekwoorden"),
        max_length=250,
        blank=True,
        help_text=_("Andere woorden waarop bewoners zoeken, gescheiden door komma's."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("goal"),
        MultiFieldPanel(
            [
                FieldPanel("goals"),
                FieldPanel("influence"),
                FieldPanel("audiences"),
                FieldPanel("channels"),
                FieldRowPanel([FieldPanel("group_min"), FieldPanel("group_max")]),
                FieldRowPanel([FieldPanel("duration"), FieldPanel("duration_note")]),
                FieldRowPanel([FieldPanel("cost"), FieldPanel("cost_note")]),
                FieldRowPanel([FieldPanel("low_literacy"), FieldPanel("other_languages")]),
                FieldPanel("access_note"),
            ],
            heading=_("Kenmerken (voor de filters en het advies)"),
        ),
        FieldPanel("steps"),
        FieldPanel("pitfalls"),
        FieldPanel("example"),
        FieldPanel("keywords"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("goal"),
        index.SearchField("example"),
        index.SearchField("keywords"),
    ]
    parent_page_types = ["shop.MethodIndexPage"]
    subpage_types: list[str] = []
    template = "shop/methods/method_page.html"

    class Meta:
        verbose_name = _("participatiemethode")
        verbose_name_plural = _("participatiemethoden")

    def clean(self):
        super().clean()
        if self.group_min > self.group_max:
            raise ValidationError(
                {"group_max": _("De grootste groep kan niet kleiner zijn dan de kleinste.")}
            )

    def facts(self) -> MethodFacts:
        return MethodFacts(
            key=self.slug,
            goals=frozenset(self.goals),
            influence=frozenset(self.influence),
            audiences=frozenset(self.audiences),
            channels=frozenset(self.channels),
            duration=self.duration,
            cost=self.cost,
            low_literacy=self.low_literacy,
            other_languages=self.other_languages,
            group_min=self.group_min,
            group_max=self.group_max,
        )

    def _labels(self, field: str) -> list[str]:
        choices = self._meta.get_field(field).choices_class
        return [str(label) for value, label in choices.choices if value in getattr(self, field)]

    def goal_labels(self):
        return self._labels("goals")

    def audience_labels(self):
        return self._labels("audiences")

    def channel_labels(self):
        return self._labels("channels")

    def influence_labels(self):
        return self._labels("influence")

    def ladder(self) -> list[dict]:
        """Every rung, marked when this method fits it (the page shows the whole ladder)."""
        return [
            {
                "value": value,
                "label": label,
                "explained": INFLUENCE_EXPLAINED[value],
                "fits": value in self.influence,
            }
            for value, label in Influence.choices
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        context["index_page"] = parent
        context["advice_page"] = AdvicePage.objects.live().filter(locale_id=self.locale_id).first()
        return context


class AdvicePage(RoutablePageMixin, Page):
    """/participatiewinkel/advies/: the questionnaire, the ranked advice (its address is the
    shareable link) and the request for personal advice (see views/methods.py)."""

    intro = models.TextField(_("inleiding"), blank=True)
    request_intro = models.TextField(
        _("uitleg bij persoonlijk advies"),
        blank=True,
        help_text=_("Staat boven het formulier waarmee bewoners persoonlijk advies vragen."),
    )
    answer_working_days = models.PositiveSmallIntegerField(
        _("antwoord binnen (werkdagen)"), default=5
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("request_intro"),
        FieldPanel("answer_working_days"),
    ]
    parent_page_types = ["shop.ParticipatiewinkelPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "shop/methods/advice_page.html"

    class Meta:
        verbose_name = _("advies op maat")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["request_url"] = self.get_url(request) + self.reverse_subpage("ask")
        return context

    @path("")
    def questionnaire(self, request):
        from .views.advice import advice

        return advice(self, request)

    @path("vraag/")
    def ask(self, request):
        from .views.advice import advice_request

        return advice_request(self, request)

    @path("vraag/verstuurd/")
    def sent(self, request):
        from .views.advice import advice_request_sent

        return advice_request_sent(self, request)
