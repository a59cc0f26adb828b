"""The inspraak processes on the participation calendar (common.calendar): one query per month."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from common.calendar import CalendarEntry, register_calendar_source


def process_entries(start: dt.date, end: dt.date, wijk=None) -> list[CalendarEntry]:
    from django.db.models import Prefetch

    from common.models import Wijk

    from .models import Process

    processes = (
        Process.objects.published()
        .in_wijk(wijk)
        .between(start, end)
        .prefetch_related(Prefetch("wijken", queryset=Wijk.objects.ordered()))
        .order_by("starts_on", "pk")
    )
    return [
        CalendarEntry(
            kind="inspraak",
            kind_label=str(_("Inspraak")),
            title=p.title,
            url=p.get_absolute_url(),
            starts_on=p.starts_on,
            ends_on=p.ends_on,
            wijken=tuple(w.name for w in p.wijken.all()),
            notes=(str(p.get_influence_display()), *p.audience_labels()),
        )
        for p in processes
    ]


def register_processes() -> None:
    register_calendar_source("inspraak", process_entries)
