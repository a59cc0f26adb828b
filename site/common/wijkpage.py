"""The parts other modules add to a wijk page (the agenda, the budget round, inspraak): each
module registers one function in its AppConfig.ready(), and the wijk page (shop/wijk.py) asks
them all, so the CMS imports no module:

    from common.wijkpage import register_wijk_part

    def wijk_part(wijk) -> dict:   # a common.Wijk; the keys become template context
        return {"processes": [...], "processes_url": "..."}

    register_wijk_part("inspraak", wijk_part)

A part answers with a constant number of queries, whatever the number of rows. A module that is
not installed registers nothing, and the page leaves its part out."""

from collections.abc import Callable

WijkPart = Callable[[object], dict]
_parts: dict[str, WijkPart] = {}


def register_wijk_part(key: str, part: WijkPart) -> None:
    _parts[key] = part


def wijk_parts(wijk) -> dict:
    """The context of every registered part for this wijk, in order of registration."""
    context: dict = {}
    for part in _parts.values():
        context.update(part(wijk))
    return context
