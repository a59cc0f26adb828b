"""Resident-facing texts stored as data, rendered in the reader's language.

A text the platform writes itself (a ledger entry's "Wij deden", a status in a history) is never
stored as a finished Dutch sentence: it is a list of parts, each one of

    {"msgid": "Toegekend bedrag: %(amount)s.", "params": {"amount": {"euros": 125000}}}
        a sentence of the gettext catalogue (its Dutch source), with parameters;
    {"ref": "meldingen.category", "pk": 12}
        reference data that has a name in every language (the module registers how to name it);
    {"text": "Wij hebben de container geleegd."}
        words a person typed: shown as typed (machine translation may offer more, elsewhere).

A parameter is a plain value, {"euros": cents}, {"date": "2026-12-04"} or a nested part. The parts
of many rows are rendered together with one query per kind of reference (`render_many`), so a
list of entries costs the same however long it is."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.utils import translation
from django.utils.translation import gettext

from common.l10n import format_day

# "app.model" → function(pks, language) -> {pk: name}
_NAMERS: dict[str, Callable[[Iterable[int], str], dict[int, str]]] = {}


def register_reference(kind: str, namer: Callable[[Iterable[int], str], dict[int, str]]) -> None:
    """How to name `kind` ("meldingen.category") in a language: one query for all the pks."""
    _NAMERS[kind] = namer


def msg(msgid: str, **params) -> dict:
    """A sentence of the catalogue: pass the Dutch source (marked with gettext_noop where it is
    written, so makemessages finds it)."""
    part: dict = {"msgid": str(msgid)}
    if params:
        part["params"] = params
    return part


def ref(kind: str, pk: int) -> dict:
    return {"ref": kind, "pk": pk}


def literal(text: str) -> dict:
    return {"text": text or ""}


def euros(cents: int) -> dict:
    return {"euros": int(cents or 0)}


def day(value: dt.date | dt.datetime) -> dict:
    return {
        "date": value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    }


def _references(parts) -> Iterable[tuple[str, int]]:
    for part in parts or []:
        if not isinstance(part, dict):
            continue
        if "ref" in part:
            yield part["ref"], part["pk"]
        for value in (part.get("params") or {}).values():
            if isinstance(value, dict):
                yield from _references([value])


def _value(value, names, language) -> str:
    if isinstance(value, dict):
        if "euros" in value:
            from common.money import format_euros

            return format_euros(value["euros"])
        if "date" in value:
            return format_day(dt.date.fromisoformat(value["date"]), language)
        return _part(value, names, language)
    return str(value)


def _part(part, names, language) -> str:
    if not isinstance(part, dict):
        return str(part)
    if "text" in part:
        return part["text"]
    if "ref" in part:
        return names.get((part["ref"], part["pk"]), "")
    if "msgid" in part:
        sentence = gettext(part["msgid"])
        params = {k: _value(v, names, language) for k, v in (part.get("params") or {}).items()}
        return sentence % params if params else sentence
    return ""


def render_many(rows: list[list], language: str | None = None) -> list[str]:
    """Each row of parts as one text (parts on their own line), in `language` (default: the
    active one)."""
    language = language or translation.get_language() or "nl"
    wanted: dict[str, set[int]] = defaultdict(set)
    for parts in rows:
        for kind, pk in _references(parts):
            wanted[kind].add(pk)
    names: dict[tuple[str, int], str] = {}
    with translation.override(language):
        for kind, pks in wanted.items():
            namer = _NAMERS.get(kind)
            if namer is not None:
                for pk, name in namer(sorted(pks), language).items():
                    names[(kind, pk)] = name
        return [
            "\n".join(t for t in (_part(p, names, language) for p in parts or []) if t)
            for parts in rows
        ]


def render(parts: list, language: str | None = None) -> str:
    return render_many([parts], language)[0]
