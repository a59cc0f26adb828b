"""The language a resident used for an input (a report, an initiative, a sign-up, a reaction, a
supporter…), with or without an account. Every mail, letter and page about the input uses it, so
a resident who reported on /tr/melden/ hears back in Turkish; staff see it on the case."""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def supported_language(*codes: str | None) -> str:
    """The first of `codes` the site speaks (a regional variant counts as its language), else
    Dutch: the one definition of which languages there are, for a page, a mail or a socket."""
    supported = {language for language, _name in settings.LANGUAGES}
    for code in codes:
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


def every_language(obj, field: str) -> dict[str, str]:
    """A translated field (django-modeltranslation) in each site language, for what is kept or
    sent before it is read (a mail's context, a live payload): {"nl": "Straatverlichting",
    "tr": "Sokak aydınlatması", ...}. `reader_text` picks the reader's."""
    return {code: getattr(obj, f"{field}_{code}", "") or "" for code, _name in settings.LANGUAGES}


def each_language(make: Callable[[], object]) -> dict[str, str]:
    """What `make()` says in each site language (a status label from the catalogue), in the
    same form as `every_language`."""
    values = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[code] = str(make())
    return values


def is_every_language(value) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= set(dict(settings.LANGUAGES))


def reader_text(values: dict | str | None) -> str:
    """The text of `every_language`/`each_language` in the active (the reader's) language, else
    the Dutch. Plain text (kept before the words were kept per language) is shown as it is."""
    if isinstance(values, str):
        return values
    values = values or {}
    return values.get(translation.get_language() or "") or values.get(settings.LANGUAGE_CODE, "")


def context_in_reader_language(context: dict) -> dict:
    """A kept context (a mail's) with every per-language value in the active language."""
    return {k: reader_text(v) if is_every_language(v) else v for k, v in context.items()}


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
