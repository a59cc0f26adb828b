"""Reference data: the categories residents choose from, the ready texts per status, and the rules
that route a category (in a wijk) to a department."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

from common.fields import optional_fk

from ..workflow import Status


class Category(index.Indexed, models.Model):
    """A main category (parent empty) or a subcategory residents choose from. Searchable by
    its name, its main category's name and the residents' own words (keywords): the intake's
    search box and the site search (common/search.py) both find "lantaarnpaal" here."""

    parent = optional_fk(
        "self",
        _("hoofdcategorie"),
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Laat leeg als dit zelf een hoofdcategorie is."),
    )
    name = models.CharField(_("naam"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    icon = models.CharField(_("pictogram"), max_length=40, default="melden")
    keywords = models.CharField(
        _("zoekwoorden"),
        max_length=300,
        blank=True,
        help_text=_("Woorden die bewoners gebruiken, met komma's: ratten, muizen, ongedierte."),
    )
    default_afdeling = optional_fk("common.Afdeling", _("standaard afdeling"), related_name="+")
    handling_days = models.PositiveSmallIntegerField(_("afhandeltermijn (werkdagen)"), default=5)
    handling_message = models.TextField(
        _("bericht bij ontvangst"),
        blank=True,
        help_text=_("Wat de melder direct leest: wat er nu gebeurt en wanneer."),
    )
    is_public = models.BooleanField(_("openbaar op de kaart"), default=True)
    is_sensitive = models.BooleanField(
        _("gevoelig (ondermijning)"),
        default=False,
        help_text=_("Anoniem mogelijk, nooit openbaar, alleen zichtbaar voor team ondermijning."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("keywords", boost=2),
        # the names in the other languages (meldingen/translation.py), so "streetlight" finds it
        *(index.SearchField(f"name_{code}") for code, _name in settings.LANGUAGES if code != "nl"),
        index.RelatedFields("parent", [index.SearchField("name")]),
        index.AutocompleteField("name"),
        index.AutocompleteField("keywords"),
        index.FilterField("is_active"),
        index.FilterField("is_sensitive"),
        index.FilterField("parent"),
    ]

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def label(self, language: str | None = None) -> str:
        """The name in `language` (default: the active one), the Dutch where it has none."""
        if language is None:
            return self.name
        return getattr(self, build_localized_fieldname("name", language), "") or self.name_nl


class StandardText(models.Model):
    """A ready message to the reporter per category (or for all) and status."""

    category = optional_fk(Category, on_delete=models.CASCADE, related_name="standard_texts")
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    title = models.CharField(_("titel"), max_length=120)
    text = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("standaardtekst")
        verbose_name_plural = _("standaardteksten")
        ordering = ["status", "title"]

    def __str__(self) -> str:
        return self.title


class RoutingRule(models.Model):
    """Which department handles a category, optionally only in one wijk. The most specific
    rule wins; without one, the category's default department."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="routing_rules")
    wijk = optional_fk("common.Wijk", on_delete=models.CASCADE)
    afdeling = models.ForeignKey("common.Afdeling", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "wijk"], name="one_rule_per_category_and_wijk"
            ),
            models.UniqueConstraint(
                fields=["category"], condition=Q(wijk=None), name="one_default_rule_per_category"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} / {self.wijk or '*'} → {self.afdeling}"
