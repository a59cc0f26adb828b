"""The follow-up ledger, "u zei, wij deden": one public feed of the answers every module gives
to residents' input, with counts per module and wijk of inputs received, answered on time and
overdue. The ledger knows no module; each module joins through this interface:

    from common.feedback import ledger

    # 1. In your AppConfig.ready(): say what you count (received, on time, overdue), and which
    #    of your objects have an entry and what it says (a Feed), so the ledger can rebuild.
    ledger.register_source("meldingen", _("Meldingen"), counts_fn, overdue_fn=optional,
                           feeds=[ledger.Feed(model=Melding, answered=fn, build=fn)])
    #    counts_fn(wijk: Wijk | None) -> ledger.Counts   (aggregate queries only: a constant
    #    number of queries however many rows); overdue_fn(wijk, limit) -> [ledger.Overdue];
    #    answered() -> the queryset of objects with a public answer; build(queryset) ->
    #    [(pk, ledger.entry_fields(...))].

    # 2. In every service that changes what the entry shows (answered, reopened, made private,
    #    merged, corrected), inside its transaction:
    ledger.push(obj)   # after the commit: the feed's entry for obj is written, or removed
    #    or, without a feed, the entry itself:
    ledger.publish(source="inspraak", obj=process, title=..., answer=..., answered_at=...)
    ledger.withdraw(obj=process)

`manage.py ledger_sync [--full]` rebuilds every feed's entries from the modules' rows: repair,
not the way entries normally arrive.
"""

from .fields import entry_fields
from .registry import Counts, Feed, Overdue, Source, all_sources, register_source


def publish(**kwargs):
    from .services import publish as _publish

    return _publish(**kwargs)


def withdraw(**kwargs):
    from .services import withdraw as _withdraw

    return _withdraw(**kwargs)


def push(obj) -> None:
    from .services import push as _push

    _push(obj)


def rebuild(*, full: bool = False) -> dict[str, tuple[int, int]]:
    from .services import rebuild as _rebuild

    return _rebuild(full=full)


__all__ = [
    "Counts",
    "Feed",
    "Overdue",
    "Source",
    "all_sources",
    "entry_fields",
    "publish",
    "push",
    "rebuild",
    "register_source",
    "withdraw",
]
