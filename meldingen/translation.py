"""Reference data residents read, in every language (django-modeltranslation): the names and
the first message of the categories, and the ready texts to reporters. `name` reads the active
language's column and falls back to the Dutch (settings.MODELTRANSLATION_FALLBACK_LANGUAGES)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, StandardText


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "handling_message")
    required_languages = {"nl": ("name",), "default": ()}


@register(StandardText)
class StandardTextTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = {"nl": ("title", "text"), "default": ()}
