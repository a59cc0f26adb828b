"""Template helpers for initiatives: money in Dutch notation."""

from django import template

from ..money import format_euros

register = template.Library()


@register.filter
def euros(cents) -> str:
    """{{ line.amount_cents|euros }} -> '€ 1.250,50'."""
    if cents in (None, ""):
        return "–"
    return format_euros(int(cents))
