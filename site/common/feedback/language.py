"""The language a resident used for an input (a report, an initiative, a sign-up, a reaction, a
supporter…), with or without an account. Every mail, letter and page about the input uses it, so
a resident who reported on /tr/melden/ hears back in Turkish; staff see it on the case."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def supported_language(code: str | None) -> str:
    """`code` if the site speaks it (a regional variant counts as its language), else Dutch."""
    supported = {language for language, _name in settings.LANGUAGES}
    for candidate in (code or "", (code or "").split("-")[0]):
        if candidate in supported:
            return candidate
    return settings.LANGUAGE_CODE


def current_language() -> str:
    """The language of the request being served (LocaleMiddleware activated it from the URL
    prefix), as the default of every new input."""
    return supported_language(get_language())


def language_name(code: str) -> str:
    """The language named in itself ("Türkçe"), as the language switcher names it."""
    return dict(settings.LANGUAGES).get(code, code)


class InputLanguage(models.Model):
    language = models.CharField(
        _("taal van de inwoner"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=current_language,
        help_text=_("De taal waarin de inwoner dit deed. Elk antwoord gaat in deze taal."),
    )

    class Meta:
        abstract = True

    @property
    def language_name(self) -> str:
        return language_name(self.language)


class SavedInDutch(models.Model):
    """For reference data with translated fields (django-modeltranslation): the original column
    (`name`) keeps the Dutch, whatever language the request that saves it speaks. Left alone,
    modeltranslation writes the active language's value there, so a department saved from an
    English admin would put its English name in the column that must be unique in Dutch."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            super().save(*args, **kwargs)


def in_every_language(*paths: str) -> list[str]:
    """The columns of translated fields (django-modeltranslation) for `.only()`/`.values()`:
    "category__name" → "category__name_nl", "category__name_en", … so reading the name in any
    language needs no query per row."""
    return [f"{path}_{code}" for path in paths for code, _name in settings.LANGUAGES]


def translated_values(row: dict, key: str, field: str, *, empty: str | None = "") -> dict:
    """The language columns of a translated field from a row of a data file, where the Dutch has
    no suffix and the others do ("name", "name_en", …): {"name_nl": …, "name_en": …}. A
    language the row leaves out gets `empty` (None for a field that keeps empty translations as
    NULL, its `empty_values`), so it reads as the Dutch."""
    values = {f"{field}_{settings.LANGUAGE_CODE}": row.get(key, "")}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            values[f"{field}_{code}"] = row.get(f"{key}_{code}") or empty
    return values


def translated_panels(field: str) -> list:
    """Wagtail admin panels for a translated field: the Dutch one (the source, required where the
    model requires it) and, folded away, one per other language; an empty one reads as the Dutch."""
    from wagtail.admin.panels import FieldPanel, MultiFieldPanel

    others = [
        FieldPanel(f"{field}_{code}", heading=f"{name}")
        for code, name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    return [
        FieldPanel(f"{field}_{settings.LANGUAGE_CODE}"),
        MultiFieldPanel(others, heading=_("In de andere talen"), classname="collapsed"),
    ]
