"""The names of the departments residents read, in every language (django-modeltranslation, like
meldingen/translation.py). This app's `translation` is the machine-translation package, so the
module is named in settings.MODELTRANSLATION_TRANSLATION_FILES instead of being found by name.

`name` reads the active language's column and falls back to the Dutch. An empty translation is
kept as NULL, not "": each language's column stays unique like the Dutch name, and NULLs never
collide."""

from modeltranslation.translator import TranslationOptions, register

from .models import Afdeling


@register(Afdeling)
class AfdelingTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"nl": ("name",), "default": ()}
    empty_values = None
