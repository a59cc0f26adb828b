"""The agenda's activities on the participation calendar (common.calendar):
one query per month, whatever the number of activities."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from . import activities_between


def activity_entries(start: dt.date, end: dt.date, wijk=None):
    from common.calendar import CalendarEntry

    zone = timezone.get_current_timezone()
    begin = dt.datetime.combine(start, dt.time.min, tzinfo=zone)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
    items = activities_between([wijk.pk] if wijk is not None else None, begin, finish)
    entries = []
    for item in items:
        starts = timezone.localtime(item.starts_at)
        ends = timezone.localtime(item.ends_at)
        entries.append(
            CalendarEntry(
                kind="activiteit",
                kind_label=_("Activiteit"),
                title=item.title,
                url=item.url,
                starts_on=starts.date(),
                ends_on=ends.date(),
                wijken=(item.wijk_name,),
                time_label=f"{starts:%H:%M}–{ends:%H:%M}",
                notes=tuple(filter(None, [item.type_label, item.place])),
            )
        )
    return entries
