"""The participation calendar takes its entries from a small registry of sources, so the
activities of the agenda (and anything else with dates) can be plugged in later without
changing the calendar:

    from participation.inspraak.calendar import CalendarEntry, register_calendar_source

    def activities(start, end, wijk):  # dates inclusive; wijk is a common.Wijk or None
        return [CalendarEntry(kind="activiteit", kind_label=_("Activiteit"), ...), ...]

    register_calendar_source("activiteiten", activities)   # in an AppConfig.ready()

A source must answer with a constant number of queries, whatever the number of entries."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CalendarEntry:
    kind: str
    kind_label: str
    title: str
    url: str
    starts_on: dt.date
    ends_on: dt.date
    wijken: tuple[str, ...] = ()
    time_label: str = ""  # "14:00–16:00" for a meeting; empty for something that runs for days
    notes: tuple[str, ...] = field(default=())

    @property
    def is_multi_day(self) -> bool:
        return self.ends_on > self.starts_on


CalendarSource = Callable[[dt.date, dt.date, object], list[CalendarEntry]]
_sources: dict[str, CalendarSource] = {}


def register_calendar_source(key: str, source: CalendarSource) -> None:
    _sources[key] = source


def calendar_sources() -> dict[str, CalendarSource]:
    return dict(_sources)


def entries_between(start: dt.date, end: dt.date, wijk=None) -> list[CalendarEntry]:
    entries: list[CalendarEntry] = []
    for source in _sources.values():
        entries += source(start, end, wijk)
    return sorted(entries, key=lambda e: (e.starts_on, e.time_label, e.title))


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
