"""Days and times in the active language in templates: {% load dates %}, then
{{ moment|day }} ('14 maart 2027', '14 marca 2027') and {{ moment|clock }} ('18:00')."""

from django import template

from common.l10n import format_clock, format_day

register = template.Library()


@register.filter
def day(value) -> str:
    return format_day(value) if value else ""


@register.filter
def clock(value) -> str:
    return format_clock(value) if value else ""
