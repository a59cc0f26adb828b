"""/inspraak/kalender/: the participation calendar, a month as a list (no JavaScript)."""

import calendar as pycalendar
import datetime as dt

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.calendar import entries_between
from common.models import Wijk
from common.parsing import parse_month


def _month(value: str | None, today: dt.date) -> tuple[dt.date, bool]:
    """The first day of the month asked for ('2026-11'); today's month when absent or wrong."""
    if not value:
        return today.replace(day=1), True
    first = parse_month(value)
    return (first, True) if first else (today.replace(day=1), False)


@require_safe
def month(request):
    today = timezone.localdate()
    first, valid = _month(request.GET.get("maand"), today)
    last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
    wijken = list(Wijk.objects.ordered())
    chosen = next((w for w in wijken if w.slug == request.GET.get("wijk")), None)
    entries = entries_between(first, last, chosen)
    ongoing = [e for e in entries if e.starts_on < first]
    days: dict[dt.date, list] = {}
    for entry in entries:
        if entry.starts_on >= first:
            days.setdefault(entry.starts_on, []).append(entry)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = last + dt.timedelta(days=1)
    return render(
        request,
        "participation/processes/calendar.html",
        {
            "title": _("Kalender van inspraak en activiteiten"),
            "first": first,
            "valid_month": valid,
            "ongoing": ongoing,
            "days": sorted(days.items()),
            "wijken": wijken,
            "wijk": chosen,
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "today": today,
        },
    )
