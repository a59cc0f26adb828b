"""Days and times in the active language in templates: {% load dates %}, then
{{ moment|day }} ('14 maart 2027', '14 marca 2027'), {{ moment|day:"weekday" }} ('zondag 14
maart 2027'), {{ moment|day:"noyear" }} ('14 maart') and {{ moment|clock }} ('18:00').

A mail's context is kept as JSON, so it carries days and moments as ISO text ('2027-03-14',
'2027-03-14T18:00:00+01:00'); these filters read that too, so the mail is written in the
language of its reader when it is sent. Any other text is shown as it is."""

from datetime import date, datetime

from django import template

from common.l10n import format_clock, format_day

register = template.Library()


def _moment(value):
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return None
    return value


@register.filter
def day(value, form: str = "long") -> str:
    if not value:
        return ""
    moment = _moment(value)
    return format_day(moment, form=form) if moment is not None else str(value)


@register.filter
def clock(value) -> str:
    if not value:
        return ""
    moment = _moment(value)
    if moment is None or type(moment) is date:
        return str(value)
    return format_clock(moment)
