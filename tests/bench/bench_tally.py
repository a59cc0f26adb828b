"""Tally benchmark (issue 6, item 12): 70,000 ballots stored in the database → outcome.

Ballots are made with bulk inserts (realistic: 83 projects, 1-6 approvals each, within a
knapsack budget), then the timed part is what closing a round does: read every ballot row,
build the pabulib election and run MES with add-one completion. Figures are printed, not
asserted. Run with

    .venv/bin/python -m pytest tests/bench/bench_tally.py -s -p no:cacheprovider

(and with DATABASE_URL=postgres://... for PostgreSQL).
"""

import random
import time

import pytest
from django.db import connection

from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.models import Ballot, BallotChoice
from participation.wijkbudget.services.tally import compute_result, round_election, select

BALLOTS = 70_000
PROJECTS = 83
pytestmark = pytest.mark.django_db


def fill(round, plans, n: int) -> None:
    rng = random.Random(6)
    weights = [rng.paretovariate(1.2) for _ in plans]
    batch: list[tuple[Ballot, list[int]]] = []

    def flush():
        Ballot.objects.bulk_create([b for b, _ in batch])
        BallotChoice.objects.bulk_create(
            [BallotChoice(ballot=b, proposal_id=pid) for b, pids in batch for pid in pids],
            batch_size=10_000,
        )
        batch.clear()

    for i in range(n):
        k = rng.randint(1, 6)
        chosen = {p.pk for p in rng.choices(plans, weights=weights, k=k)}
        batch.append((Ballot(round=round, receipt=f"R{i:09d}"), sorted(chosen)))
        if len(batch) == 10_000:
            flush()
    if batch:
        flush()


def test_tally_70000_ballots():
    round = RoundFactory(budget_cents=25_000_000_00, outcome_rule="mes-cost", completion="add1")
    rng = random.Random(1)
    plans = [
        ProposalFactory(round=round, estimated_cost_cents=rng.randint(20_000, 2_000_000) * 100)
        for _ in range(PROJECTS)
    ]
    start = time.perf_counter()
    fill(round, plans, BALLOTS)
    filled = time.perf_counter() - start

    timings = {}
    start = time.perf_counter()
    election = round_election(round)
    timings["read+build"] = time.perf_counter() - start
    assert election.profile.n_voters == BALLOTS
    for rule, completion in [("greedy", ""), ("mes-cost", ""), ("mes-cost", "add1")]:
        round.outcome_rule, round.completion = rule, completion
        start = time.perf_counter()
        election = round_election(round)
        chosen = select(round, election)
        timings[f"tally {rule}{'+' + completion if completion else ''}"] = (
            time.perf_counter() - start
        )
    round.outcome_rule, round.completion = "mes-cost", ""
    start = time.perf_counter()
    result = compute_result(round)
    timings["close mes-cost (count + explanations)"] = time.perf_counter() - start
    assert result["voters"] == BALLOTS
    figures = ", ".join(f"{k} {v:.3f} s" for k, v in timings.items())
    print(
        f"\n[{connection.vendor}] {BALLOTS} ballots, {PROJECTS} projects, "
        f"{len(election.profile.ballots)} distinct ballots (insert {filled:.1f} s): {figures}; "
        f"{len(chosen)} selected by mes-cost+add1"
    )
