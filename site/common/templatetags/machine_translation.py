"""`{% machine_translated obj "field" "nl" %}`: the text of `field`, machine-translated into
the language given when a translation was made (common.translation), marked, with the original
in a <details>; else the original alone."""

from django import template

from common.feedback.language import language_name
from common.translation.services import stored

register = template.Library()


@register.inclusion_tag("common/_machine_translation.html")
def machine_translated(obj, field: str, target: str):
    original = getattr(obj, field, "") or ""
    translation = stored(obj, field, target) if target else None
    return {
        "original": original,
        "translation": translation,
        "source_name": language_name(translation.source_language) if translation else "",
    }
