"""Export an election back to the pabulib format, so a round can be published or re-checked.

Ballots are stored as distinct ballots with counts, so voter ids are numbered 1..n on export,
unless the election carries its voters (an imported file): then each vote line is written back
with its own voter id and columns, in the file's order. The numbers are exact decimals, as they
were read.
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
    ids = [p.id for p in inst.projects]
    votes = [",".join(ids[j] for j in ballot) for ballot in prof.ballots]
    points = (
        [",".join(format_number(p) for p in pts) for pts in prof.points]
        if prof.points is not None
        else None
    )
    base = ["voter_id", "vote", "points"] if points is not None else ["voter_id", "vote"]
    if election.voters is None:
        w.writerow(base)
        voter = 0
        for t, count in enumerate(prof.counts):
            row = [votes[t]] if points is None else [votes[t], points[t]]
            for _ in range(count):
                voter += 1
                w.writerow([str(voter), *row])
        return out.getvalue()
    header = list(election.vote_header or base)
    header += [c for c in base if c not in header]
    for v in election.voters:
        header += [c for c in v.columns if c not in header]
    w.writerow(header)
    for v in election.voters:
        row = {**v.columns, "voter_id": v.id, "vote": votes[v.ballot]}
        if points is not None:
            row["points"] = points[v.ballot]
        w.writerow([row.get(c, "") for c in header])
    return out.getvalue()


def write_file(election: Election, path: str | Path) -> None:
    Path(path).write_text(write_text(election), encoding="utf-8")
