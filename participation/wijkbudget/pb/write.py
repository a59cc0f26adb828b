"""Export an election back to the pabulib format, so a round can be published or re-checked.

Ballots are stored as distinct ballots with counts, so voter ids are numbered 1..n on export;
the numbers are exact decimals, as they were read.
"""

from __future__ import annotations

import csv
import io
from fractions import Fraction
from pathlib import Path

from .instance import Election


def format_number(value: Fraction) -> str:
    """Exact decimal text for a cost, budget or points value (pabulib has no fractions)."""
    if value.denominator == 1:
        return str(value.numerator)
    den, twos, fives = value.denominator, 0, 0
    while den % 2 == 0:
        den, twos = den // 2, twos + 1
    while den % 5 == 0:
        den, fives = den // 5, fives + 1
    if den != 1:
        raise ValueError(f"{value} has no exact decimal form")
    places = max(twos, fives)
    scaled = value.numerator * 10**places // value.denominator
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def write_text(election: Election) -> str:
    inst, prof = election.instance, election.profile
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\n")
    meta = dict(inst.meta)
    meta["budget"] = format_number(inst.budget)
    meta["num_projects"] = str(len(inst.projects))
    meta["num_votes"] = str(prof.n_voters)
    meta["vote_type"] = prof.vote_type
    out.write("META\n")
    w.writerow(["key", "value"])
    for key, value in meta.items():
        w.writerow([key, value])
    columns = ["project_id", "cost"]
    for p in inst.projects:
        columns += [k for k in p.meta if k not in columns]
    if "name" not in columns and any(p.name for p in inst.projects):
        columns.append("name")
    out.write("PROJECTS\n")
    w.writerow(columns)
    for p in inst.projects:
        row = {**p.meta, "project_id": p.id, "cost": format_number(p.cost)}
        if p.name:
            row["name"] = p.name
        w.writerow([row.get(c, "") for c in columns])
    out.write("VOTES\n")
    w.writerow(["voter_id", "vote", "points"] if prof.is_cardinal else ["voter_id", "vote"])
    ids = [p.id for p in inst.projects]
    voter = 0
    for t, (ballot, count) in enumerate(zip(prof.ballots, prof.counts, strict=True)):
        vote = ",".join(ids[j] for j in ballot)
        row = [vote]
        if prof.points is not None:
            row.append(",".join(format_number(p) for p in prof.points[t]))
        for _ in range(count):
            voter += 1
            w.writerow([str(voter), *row])
    return out.getvalue()


def write_file(election: Election, path: str | Path) -> None:
    Path(path).write_text(write_text(election), encoding="utf-8")
