"""A pabulib election as a round and back (the commands pb_import and pb_export).

Refusals are PabulibError (English, for whoever runs the command, like the parser's). An
imported round keeps what the file says beyond what a round needs: the META section, each
project's line and each voter's id and columns (public datasets; nobody from Zuidwest), so that
an export gives the same file back. It is not published: a coordinator publishes it in the
workspace (round_publish), and even then it is an example, never counted as Zuidwest's.
Rows are written in bulk and read back with two flat queries, so 130,000 voters take seconds.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from fractions import Fraction
from itertools import repeat

from django.db import connection, transaction
from django.utils import timezone

from ..models import Ballot, BallotChoice, BallotRule, OutcomeRule, Proposal, Round
from ..pb import Election, Instance, Profile, Project, Voter
from ..pb.instance import CARDINAL_TYPES
from ..pb.parse import PabulibError
from ..workflow import Feasibility
from .tally import cents_to_fraction
from .voting import RECEIPT_ALPHABET, RECEIPT_LENGTH

BATCH = 5_000
IMPORTABLE = frozenset({"approval", "choose-1", "cumulative", "ordinal"})


def to_cents(value: Fraction, what: str) -> int:
    cents = value * 100
    if cents.denominator != 1:
        raise PabulibError(f"{what} {float(value)} has more than two decimals; not an amount")
    return int(cents)


def _receipts(n: int):
    """n distinct random receipts (unique in the table; a clash with another round's receipt
    is as unlikely as in ballot_cast, and would fail the import, not mix ballots)."""
    alphabet = RECEIPT_ALPHABET
    size = len(alphabet)
    seen: set[str] = set()
    while len(seen) < n:
        raw = secrets.token_bytes(RECEIPT_LENGTH * 2)
        # two bytes per character: the bias of `% 31` on 65,536 values is below 0.05 %
        code = "".join(
            alphabet[int.from_bytes(raw[i : i + 2]) % size] for i in range(0, len(raw), 2)
        )
        if code not in seen:
            seen.add(code)
            yield code


def _rules(election: Election) -> dict:
    """How the round's ballot and count look, from the file's META."""
    meta, prof = election.instance.meta, election.profile
    if prof.is_cardinal:
        ballot_rule = BallotRule.CUMULATIVE
    elif "max_sum_cost" in meta:
        ballot_rule = BallotRule.KNAPSACK
    else:
        ballot_rule = BallotRule.APPROVAL
    rule = meta.get("rule", "")
    outcome_rule = rule if rule in OutcomeRule.values else OutcomeRule.MES_COST
    max_points = max((int(p) for pts in (prof.points or []) for p in pts), default=1)
    max_sum = max((int(sum(pts)) for pts in (prof.points or [])), default=1)
    return {
        "ballot_rule": ballot_rule,
        "points_total": max(max_sum, 1),
        "points_max_per_project": max(max_points, 1),
        "outcome_rule": outcome_rule,
        "completion": "" if outcome_rule != OutcomeRule.MES_COST or rule else "add1",
        "score_threshold": int(Fraction(meta.get("min_project_score_threshold", "0"))),
    }


def round_import(*, election: Election, slug: str, title: str, wijken) -> Round:
    """The election as an unpublished round in its voting phase: projects become feasible
    proposals, vote lines anonymous ballots. `election` must be read with voters=True."""
    inst, prof = election.instance, election.profile
    if prof.vote_type not in IMPORTABLE:
        raise PabulibError(f"{prof.vote_type} ballots cannot be imported as a round")
    if election.voters is None:
        raise PabulibError("the election was read without its voters")
    cardinal = prof.vote_type in CARDINAL_TYPES
    skip = {"voter_id", "vote", *(["points"] if cardinal else [])}
    voter_columns = [c for c in election.vote_header or [] if c not in skip]
    project_columns: list[str] = []
    for p in inst.projects:
        project_columns += [c for c in p.meta if c not in project_columns]
    now = timezone.now()
    with transaction.atomic():
        if Round.objects.filter(slug=slug).exists():
            raise PabulibError(f"a round with slug {slug!r} already exists")
        round = Round.objects.create(
            title=title[:140],
            slug=slug,
            budget_cents=to_cents(inst.budget, "budget"),
            is_published=False,
            ideas_open_at=now - timedelta(days=3),
            review_starts_at=now - timedelta(days=2),
            voting_starts_at=now - timedelta(days=1),
            min_projects=0,
            max_projects=None,
            pabulib={
                "meta": [[k, v] for k, v in inst.meta.items()],
                "projects": project_columns,
                "votes": list(election.vote_header or []),
                "voter_columns": voter_columns,
            },
            **_rules(election),
        )
        round.wijken.set(wijken)
        proposals = Proposal.objects.bulk_create(
            [
                Proposal(
                    round=round,
                    title=(p.name or f"Project {p.id}")[:120],
                    description=p.meta.get("description", "") or p.name or p.id,
                    estimated_cost_cents=to_cents(p.cost, f"cost of project {p.id}"),
                    final_cost_cents=to_cents(p.cost, f"cost of project {p.id}"),
                    status=Feasibility.HAALBAAR,
                    pabulib=p.meta,
                )
                for p in inst.projects
            ]
        )
        _ballots(round, election, [p.pk for p in proposals], voter_columns)
    return round


def _ballots(round: Round, election: Election, pks: list[int], voter_columns: list[str]):
    prof = election.profile
    ordinal = prof.vote_type == "ordinal"
    # points per distinct ballot: a cumulative ballot's points, an ordinal ballot's ranks
    # (1 = the voter's first choice; an approval count ignores them), else 1
    weights: list[tuple[int, ...]] = []
    for t, ballot in enumerate(prof.ballots):
        if prof.points is not None:
            pts = prof.points[t]
            if any(p.denominator != 1 or p <= 0 for p in pts):
                raise PabulibError(f"points {[str(p) for p in pts]} are not all whole and positive")
            weights.append(tuple(int(p) for p in pts))
        elif ordinal:
            weights.append(tuple(range(1, len(ballot) + 1)))
        else:
            weights.append(tuple(repeat(1, len(ballot))))
    # Plain INSERTs through the cursor: model instances and bulk_create cost about 60 µs a row,
    # and a big file has 400,000 choices (the rows are the same; the ORM reads them back).
    ballot_sql, ballot_value = _insert(
        Ballot, ["id", "round", "receipt", "seal", "source", "pabulib"]
    )
    choice_sql, choice_value = _insert(BallotChoice, ["id", "ballot", "proposal", "points"])
    source, imported = Ballot.Source.IMPORT.value, Ballot._meta.get_field("pabulib")
    receipts = _receipts(len(election.voters))
    ballots: list[tuple] = []
    choices: list[tuple] = []
    with connection.cursor() as cursor:
        for n, (voter, receipt) in enumerate(zip(election.voters, receipts, strict=True), 1):
            kept = [n, voter.id, *(voter.columns.get(c, "") for c in voter_columns)]
            ballot_id = ballot_value(uuid.uuid4())
            ballots.append(
                (
                    ballot_id,
                    round.pk,
                    receipt,
                    "",
                    source,
                    imported.get_db_prep_save(kept, connection),
                )
            )
            t = voter.ballot
            for j, w in zip(prof.ballots[t], weights[t], strict=True):
                choices.append((choice_value(uuid.uuid4()), ballot_id, pks[j], w))
            if len(choices) >= BATCH * 4 or len(ballots) >= BATCH:
                cursor.executemany(ballot_sql, ballots)
                cursor.executemany(choice_sql, choices)
                ballots.clear()
                choices.clear()
        if ballots:
            cursor.executemany(ballot_sql, ballots)
            cursor.executemany(choice_sql, choices)


def _insert(model, names: list[str]):
    """The INSERT statement for these fields of `model`, and how a UUID key goes in."""
    fields = [model._meta.get_field(name) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608 (names from the model)
    key = fields[0]
    return sql, lambda value: key.get_db_prep_value(value, connection)


def imported_election(round: Round) -> Election:
    """An imported round as the file it came from: its META (with the counts and the budget as
    they are now), projects with their ids and columns, voters with their ids and columns."""
    info = round.pabulib
    meta = dict(info["meta"])
    vote_type = meta.get("vote_type", "approval")
    cardinal = vote_type in CARDINAL_TYPES
    proposals = list(round.proposals.on_ballot().order_by("pk"))
    projects = []
    for p in proposals:
        row = p.pabulib or {}
        columns = {c: row[c] for c in info["projects"] if c in row}
        name = row.get("name", "") if p.pabulib is not None else p.title
        cost = cents_to_fraction(p.cost_cents)
        projects.append(Project(id=p.file_id, cost=cost, name=name, meta=columns))
    index = {p.pk: j for j, p in enumerate(proposals)}
    chosen: dict = {}
    rows = BallotChoice.objects.filter(ballot__round=round).values_list(
        "ballot_id", "proposal_id", "points"
    )
    for ballot_id, proposal_id, points in rows.iterator(chunk_size=20_000):
        if proposal_id in index:
            chosen.setdefault(ballot_id, []).append((index[proposal_id], points))
    ballots = list(round.ballots.values_list("id", "receipt", "pabulib"))
    # the file's order; ballots cast on the site afterwards (if any) come last, by receipt
    ballots.sort(key=lambda b: (0, b[2][0], "") if b[2] else (1, 0, b[1]))
    distinct: dict[tuple, int] = {}
    counts: list[int] = []
    voters: list[Voter] = []
    names = info["voter_columns"]
    for ballot_id, receipt, kept in ballots:
        choices = chosen.get(ballot_id, [])
        # ordinal: in the voter's order (the rank); otherwise by project, as the parser keeps
        choices.sort(key=(lambda c: c[1]) if vote_type == "ordinal" else (lambda c: c[0]))
        key = tuple(choices) if cardinal else tuple(j for j, _ in choices)
        t = distinct.setdefault(key, len(distinct))
        if t == len(counts):
            counts.append(0)
        counts[t] += 1
        if kept:
            voters.append(Voter(kept[1], t, dict(zip(names, kept[2:], strict=False))))
        else:
            voters.append(Voter(receipt, t, {}))
    if cardinal:
        ballot_list = [tuple(j for j, _ in key) for key in distinct]
        points = [tuple(Fraction(p) for _, p in key) for key in distinct]
    else:
        ballot_list, points = list(distinct), None
    instance = Instance(budget=cents_to_fraction(round.budget_cents), projects=projects, meta=meta)
    profile = Profile(vote_type, len(projects), ballot_list, counts, points)
    return Election(instance, profile, voters=voters, vote_header=info["votes"])
