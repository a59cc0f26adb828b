"""Money in the active language in templates: {% load money %}, then {{ cents|euros }}."""

from django import template

from common.l10n import format_money
from common.money import format_euros

register = template.Library()


@register.filter
def euros(cents) -> str:
    """{{ line.amount_cents|euros }} -> '€ 1.250,50'."""
    if cents in (None, ""):
        return "–"
    return format_euros(int(cents))


@register.filter
def euros_brief(cents) -> str:
    """Round amounts without their ',00' ('€ 25.000'); cents when there are any ('€ 9.219,50').
    For the public fund table, which must fit a phone's width."""
    if cents in (None, ""):
        return "–"
    return format_money(int(cents), brief=True)
