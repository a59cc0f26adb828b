"""Reader for the pabulib `.pb` format (sections META, PROJECTS and VOTES, `;`-separated).

Big files have a hundred thousand vote lines, so the VOTES section is read with one regular
expression over the whole block and identical ballots are parsed once; the `csv` module, which
handles quoted fields, is used for the short sections and whenever the VOTES block has a quote.
Every error names the line it was found on, so an official can fix the file.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from fractions import Fraction
from pathlib import Path

from .instance import (
    APPROVAL_TYPES,
    CARDINAL_TYPES,
    VOTE_TYPES,
    Election,
    Instance,
    Profile,
    Project,
    Voter,
)

_MARKER = re.compile(r"[ \t]*(META|PROJECTS|VOTES)[ \t]*(?:;[^\r\n]*)?\r?$", re.M | re.I)
_NONBLANK = re.compile(r"^[ \t]*\S", re.M)


class PabulibError(ValueError):
    """A malformed `.pb` file; `line` is the 1-based line number where the problem is."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


def parse_file(path: str | Path, *, voters: bool = False) -> Election:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return parse_text(fh.read(), voters=voters)


def parse_number(text: str, what: str, line: int | None) -> Fraction:
    """Exact value of a cost, budget or points field; a decimal comma is accepted."""
    try:
        value = Fraction(text.strip().replace(",", "."))
    except (ValueError, ZeroDivisionError):
        raise PabulibError(f"{what} {text!r} is not a number", line) from None
    if value < 0:
        raise PabulibError(f"{what} {text!r} is negative", line)
    return value


def _rows(block: str, first_line: int):
    """(line number, fields) for the non-blank lines of a short section."""
    for offset, raw in enumerate(block.split("\n")):
        if raw.strip():
            yield first_line + offset, next(csv.reader([raw.rstrip("\r")], delimiter=";"))


def _line_starts(text: str, word: str):
    """Offsets of the lines that start with `word`: candidates for a section marker."""
    if text.startswith(word):
        yield 0
    pos = text.find("\n" + word)
    while pos >= 0:
        yield pos + 1
        pos = text.find("\n" + word, pos + 1)


def _sections(text: str) -> dict[str, tuple[int, str]]:
    """Section name -> (line number of its first line after the marker, its text)."""
    found = set()
    for name in ("meta", "projects", "votes"):
        # str.find over 4 MB is much faster than a multi-line regex or lower-casing the text
        for spelling in {name, name.upper(), name.title()}:
            for pos in _line_starts(text, spelling):
                m = _MARKER.match(text, pos)
                if m:
                    found.add((name, m.start(), m.end()))
    found = sorted(found, key=lambda f: f[1])
    sections: dict[str, tuple[int, str]] = {}
    for k, (name, start, end) in enumerate(found):
        line = text.count("\n", 0, start) + 1
        if name in sections:
            raise PabulibError(f"second {name.upper()} section", line)
        stop = found[k + 1][1] if k + 1 < len(found) else len(text)
        sections[name] = (line + 1, text[end + 1 : stop])
    for name in ("meta", "projects", "votes"):
        if name not in sections:
            raise PabulibError(f"the file has no {name.upper()} section")
    return sections


def _header(block: str, first_line: int, section: str) -> tuple[list[str], int, str]:
    """Header fields, the line number after the header and the rest of the block."""
    pos, line = 0, first_line
    while pos < len(block):
        nl = block.find("\n", pos)
        nl = len(block) if nl < 0 else nl
        raw = block[pos:nl]
        if raw.strip():
            fields = [f.strip() for f in next(csv.reader([raw.rstrip("\r")], delimiter=";"))]
            return fields, line + 1, block[nl + 1 :]
        pos, line = nl + 1, line + 1
    raise PabulibError(f"{section.upper()} has no header line", first_line - 1)


def parse_text(text: str, *, voters: bool = False) -> Election:
    """The election in `text`. With `voters`, also every vote line (its voter id and other
    columns, in file order), so an import keeps what a round trip must give back."""
    text = text.removeprefix("\ufeff")
    sections = _sections(text)
    meta_line, meta_block = sections["meta"]
    meta: dict[str, str] = {}
    where: dict[str, int] = {}
    for line, row in _rows(meta_block, meta_line):
        if len(row) < 2:
            raise PabulibError("a META line needs a key and a value", line)
        meta[row[0].strip()] = row[1].strip()
        where[row[0].strip()] = line
    meta.pop("key", None)
    if "budget" not in meta:
        raise PabulibError("META has no budget", meta_line - 1)
    budget = parse_number(meta["budget"], "budget", where["budget"])
    vote_type = meta.get("vote_type", "approval").strip().lower()
    if vote_type not in VOTE_TYPES:
        raise PabulibError(f"unknown vote_type {vote_type!r}", where.get("vote_type"))
    meta["vote_type"] = vote_type

    projects = _parse_projects(*sections["projects"])
    instance = Instance(budget=budget, projects=projects, meta=meta)
    profile, lines = _parse_votes(instance, *sections["votes"], voters=voters)
    profile.split_supporters()  # part of reading: every rule needs it
    if lines is None:
        return Election(instance, profile)
    return Election(instance, profile, voters=lines[1], vote_header=lines[0])


def _parse_projects(first_line: int, block: str) -> list[Project]:
    header, line0, rest = _header(block, first_line, "projects")
    if "cost" not in header:
        raise PabulibError("PROJECTS header has no cost column", line0 - 1)
    ci = header.index("cost")
    ni = header.index("name") if "name" in header else None
    projects: list[Project] = []
    seen: set[str] = set()
    for line, row in _rows(rest, line0):
        if len(row) > len(header):
            raise PabulibError(f"{len(row)} fields but the header has {len(header)}", line)
        if len(row) <= ci:
            raise PabulibError("project line without a cost", line)
        pid = row[0].strip()
        if not pid:
            raise PabulibError("project line without an id", line)
        if pid in seen:
            raise PabulibError(f"project {pid!r} is listed twice", line)
        seen.add(pid)
        cost = parse_number(row[ci], "cost", line)
        name = row[ni].strip() if ni is not None and ni < len(row) else ""
        extra = {k: v.strip() for k, v in zip(header, row, strict=False)}
        projects.append(Project(id=pid, cost=cost, name=name, meta=extra))
    return projects


def _vote_fields(block: str, line0: int, wanted: list[int]) -> tuple[Counter, dict | None]:
    """Count the distinct values of the wanted columns over all vote lines.

    Returns the counter and, on the slow path only, the first line of each value (for errors).
    """
    top = max(wanted)
    if '"' not in block and top > 0:
        parts = ["([^;\r\n]*)" if i in wanted else "[^;\r\n]*" for i in range(top + 1)]
        pattern = re.compile("^" + ";".join(parts), re.M)
        values = pattern.findall(block)
        if len(values) == len(_NONBLANK.findall(block)):
            return Counter(values), None
    counter: Counter = Counter()
    first: dict = {}
    for line, row in _rows(block, line0):
        if len(row) <= top:
            raise PabulibError(
                f"vote line with {len(row)} fields, expected at least {top + 1}", line
            )
        value = row[wanted[0]] if len(wanted) == 1 else tuple(row[i] for i in wanted)
        counter[value] += 1
        first.setdefault(value, line)
    return counter, first


def _line_of(block: str, line0: int, wanted: list[int], value: object) -> int | None:
    """Where a value first occurs: only called to word an error message."""
    for line, row in _rows(block, line0):
        if len(row) > max(wanted):
            got = row[wanted[0]] if len(wanted) == 1 else tuple(row[i] for i in wanted)
            if got == value:
                return line
    return None


def _parse_votes(
    instance: Instance, first_line: int, block: str, *, voters: bool = False
) -> tuple[Profile, tuple[list[str], list[Voter]] | None]:
    header, line0, rest = _header(block, first_line, "votes")
    if "vote" not in header:
        raise PabulibError("VOTES header has no vote column", line0 - 1)
    vote_type = instance.vote_type
    cardinal = vote_type in CARDINAL_TYPES
    wanted = [header.index("vote")]
    if cardinal:
        if "points" not in header:
            raise PabulibError(f"{vote_type} votes need a points column", line0 - 1)
        wanted.append(header.index("points"))
    counter, first = _vote_fields(rest, line0, wanted)
    index = instance.index
    lookup = index.__getitem__
    approval = vote_type in APPROVAL_TYPES
    merged: dict[tuple, int] = {}
    key_of: dict = {}
    for value, count in counter.items():
        try:
            if approval:  # the common case, kept short: most ballots are distinct strings
                key = tuple(sorted(set(map(lookup, value.split(","))))) if value else ()
            elif not cardinal and value:
                key = tuple(dict.fromkeys(map(lookup, value.split(","))))
            else:
                raise KeyError
        except KeyError:
            try:
                key = _ballot(value, index, vote_type, cardinal)
            except PabulibError as exc:
                line = first[value] if first else _line_of(rest, line0, wanted, value)
                raise PabulibError(str(exc), line) from None
        merged[key] = merged.get(key, 0) + count
        key_of[value] = key
    if cardinal:
        ballots = [tuple(j for j, _ in key) for key in merged]
        points = [tuple(p for _, p in key) for key in merged]
    else:
        ballots, points = list(merged), None
    profile = Profile(vote_type, len(instance.projects), ballots, list(merged.values()), points)
    if not voters:
        return profile, None
    t_of = {key: t for t, key in enumerate(merged)}
    ballot_of = {value: t_of[key] for value, key in key_of.items()}
    return profile, (header, _voters(rest, line0, header, wanted, ballot_of))


def _voters(block: str, line0: int, header: list[str], wanted: list[int], ballot_of: dict):
    """Every vote line as a Voter, in file order; the lines were checked by _vote_fields."""
    if '"' in block:
        rows = (row for _line, row in _rows(block, line0))
    else:  # the same fields _vote_fields found with its regular expression, without csv
        rows = (raw.rstrip("\r").split(";") for raw in block.split("\n") if raw.strip())
    idx = header.index("voter_id") if "voter_id" in header else None
    skip = {*wanted, idx}
    others = [(i, name) for i, name in enumerate(header) if i not in skip]
    single = len(wanted) == 1
    out: list[Voter] = []
    for n, row in enumerate(rows, start=1):
        value = row[wanted[0]] if single else tuple(row[i] for i in wanted)
        voter_id = row[idx].strip() if idx is not None and idx < len(row) else str(n)
        columns = {name: row[i].strip() for i, name in others if i < len(row)}
        out.append(Voter(voter_id, ballot_of[value], columns))
    return out


def _ballot(value, index: dict[str, int], vote_type: str, cardinal: bool) -> tuple:
    if cardinal:
        vote, pts = value
    else:
        vote, pts = value, ""
    names = [s.strip() for s in vote.split(",")]
    names = [s for s in names if s]
    try:
        ids = [index[s] for s in names]
    except KeyError as exc:
        raise PabulibError(f"vote for unknown project {exc.args[0]!r}") from None
    if not cardinal:
        if vote_type in APPROVAL_TYPES:
            return tuple(sorted(set(ids)))
        return tuple(dict.fromkeys(ids))
    values = [s for s in pts.split(",")] if pts.strip() else []
    if len(values) != len(ids):
        raise PabulibError(f"{len(ids)} projects but {len(values)} points")
    given: dict[int, Fraction] = {}
    for j, p in zip(ids, values, strict=True):
        given[j] = parse_number(p, "points", None)
    return tuple(sorted(given.items()))
