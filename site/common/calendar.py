"""The participation calendar (/inspraak/kalender/) takes its entries from a small registry of
sources, so the activities of the agenda (and anything else with dates) plug in without
changing the calendar:

    from common.calendar import CalendarEntry, register_calendar_source

    def activities(start, end, wijk):  # dates inclusive; wijk is a common.Wijk or None
        return [CalendarEntry(kind="activiteit", kind_label=_("Activiteit"), ...), ...]

    register_calendar_source("activiteiten", activities)   # in an AppConfig.ready()

A source must answer with a constant number of queries, whatever the number of entries. The
registry lives in the kernel, so the modules that feed the calendar (inspraak, the agenda) do not
import each other."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field


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
