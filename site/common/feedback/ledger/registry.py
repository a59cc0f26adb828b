"""The sources of the ledger: each module registers once what it counts. No model imports here,
so a module can register from its AppConfig.ready()."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Counts:
    """Inputs of one source (in one wijk or all of Zuidwest), as common/feedback/deadlines.py
    defines them: how many came in during the public period, how many of those were answered,
    how many on time, how many count in the share (`decided`: answered with a promise, or
    late), and how many are still waiting past their promise today.
    `Deadlines.counts()` gives exactly these aggregates."""

    received: int = 0
    answered: int = 0
    on_time: int = 0
    overdue: int = 0
    decided: int = 0

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.decided) if self.decided else None


@dataclass(frozen=True)
class Overdue:
    """An input past its deadline without an answer, shown by name (only what may be public)."""

    title: str
    url: str
    deadline: dt.date | dt.datetime


@dataclass(frozen=True)
class Feed:
    """Which objects of one model have an entry, and what it says: `answered()` is the queryset
    of those with a public answer (it has `updated_at`, annotated if need be), `build(queryset)`
    yields (pk, entry_fields(...)) for them. `ledger.push(obj)` and the rebuild both use it."""

    model: Any
    answered: Callable[[], Any]
    build: Callable[[Any], Iterable[tuple[int, dict]]]


@dataclass(frozen=True)
class Source:
    key: str
    label: Any  # a lazy translation
    counts: Callable[[Any], Counts]
    overdue: Callable[[Any, int], list[Overdue]] | None = None
    unit: Any = ""  # what one input is called, e.g. "meldingen"
    feeds: tuple[Feed, ...] = ()


_sources: dict[str, Source] = {}


def register_source(
    key: str,
    label,
    counts_fn: Callable[[Any], Counts],
    *,
    overdue_fn: Callable[[Any, int], list[Overdue]] | None = None,
    unit="",
    feeds: Iterable[Feed] = (),
) -> None:
    """Register (or replace) a source. `key` is what entries carry in `LedgerEntry.source`;
    `feeds` are the models whose entries `push` writes and the rebuild rewrites."""
    _sources[key] = Source(
        key=key, label=label, counts=counts_fn, overdue=overdue_fn, unit=unit, feeds=tuple(feeds)
    )


def all_sources() -> dict[str, Source]:
    return dict(_sources)


def feed_for(model) -> tuple[str, Feed] | None:
    """The source key and feed of a model (its concrete model), or None."""
    concrete = model._meta.concrete_model
    for source in _sources.values():
        for feed in source.feeds:
            if feed.model._meta.concrete_model is concrete:
                return source.key, feed
    return None
