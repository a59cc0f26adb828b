"""The follow-up ledger, "u zei, wij deden": one public feed of the answers every module gives
to residents' input, with counts per module and wijk of inputs received, answered on time and
overdue.

The interface is small on purpose, so a module added later joins without changing the ledger:

    from participation import ledger

    # 1. In your AppConfig.ready(): say what you count (received, on time, overdue).
    ledger.register_source("inspraak", _("Inspraak"), counts_fn, overdue_fn=optional)
    #    counts_fn(wijk: Wijk | None) -> ledger.Counts   (aggregate queries only: a constant
    #    number of queries however many rows); overdue_fn(wijk, limit) -> [ledger.Overdue].

    # 2. In the service that answers an input, after the answer is final:
    ledger.publish(source="inspraak", obj=process, title=..., answer=..., answered_at=...,
                   wijk=..., input_url=..., deadline=..., photo_url=..., is_public=True)
    #    One entry per (model, pk): publishing again updates it. `ledger.withdraw(obj=...)`
    #    removes it (e.g. a report that was reopened).

Modules that cannot call `publish` from their own services (meldingen, initiatives) are read by
providers in `participation/ledger/sources/`, which sync entries from their models on a
periodic job (`manage.py ledger_sync`, and `housekeeping`).
"""

from .registry import Counts, Overdue, Source, all_sources, register_source


def publish(**kwargs):
    from .services import publish as _publish

    return _publish(**kwargs)


def withdraw(**kwargs):
    from .services import withdraw as _withdraw

    return _withdraw(**kwargs)


__all__ = ["Counts", "Overdue", "Source", "all_sources", "publish", "register_source", "withdraw"]
