"""Add-one completion skips runs whose outcome is certain not to change
(participation/wijkbudget/pb/mes.py).

The skipping must change nothing but the time: on generated elections, from tiny and full of
ties to a few thousand voters with budgets far above the costs, the selection, the share it
was computed with, and the equalshares.net form must equal what the plain loop gives, which
runs MES once for every increment of the share (the loop pabutools runs).
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from participation.wijkbudget.pb.instance import Election, Instance, Profile, Project
from participation.wijkbudget.pb.mes import EqualShares
from participation.wijkbudget.pb.official import equalshares_add1
from participation.wijkbudget.pb.rules import equal_shares_add_one, is_exhaustive, mes_input


def plain_add_one(election: Election, utility: str) -> tuple[list[int], Fraction, int]:
    """The loop without skipping: (selection, share, number of MES runs)."""
    inst, n = election.instance, election.profile.n_voters
    engine = EqualShares(mes_input(election, utility))
    share = inst.budget / n
    previous, previous_share, runs = list(engine.free), share, 0
    while True:
        chosen = engine.run(share).selected
        runs += 1
        if inst.total_cost(chosen) > inst.budget:
            return previous, previous_share, runs
        if is_exhaustive(inst, chosen, engine.candidates):
            return chosen, share, runs
        previous, previous_share = chosen, share
        share += 1


def plain_equalshares_add1(election: Election) -> list[int]:
    """equalshares_add1 as the tool runs it, one increment at a time (no skipping)."""
    original = EqualShares.run

    def run_untracked(self, per_voter, include_free=True, track=False):
        return original(self, per_voter, include_free)

    EqualShares.run = run_untracked
    try:
        return equalshares_add1(election)
    finally:
        EqualShares.run = original


def generate(seed: int) -> Election:
    rng = random.Random(seed)
    m = rng.randint(3, 30)
    big = rng.random() < 0.3
    cardinal = rng.random() < 0.3
    costs = [Fraction(rng.choice([0] + [rng.randint(1, 400)] * 30)) for _ in range(m)]
    if big:  # costs in the thousands: the share needs hundreds of increments
        costs = [c * rng.randint(20, 80) for c in costs]
    projects = [Project(id=str(j + 1), cost=c, name="") for j, c in enumerate(costs)]
    weights = [rng.paretovariate(1.0) for _ in range(m)]
    counts: dict[tuple, int] = {}
    for _ in range(rng.randint(5, 2000 if big else 300)):
        chosen = sorted({*rng.choices(range(m), weights=weights, k=rng.randint(1, 5))})
        key = tuple((j, rng.randint(1, 4)) for j in chosen) if cardinal else tuple(chosen)
        counts[key] = counts.get(key, 0) + rng.choice([1, 1, 1, 2, 7])
    total = sum(costs)
    budget = Fraction(max(1, round(total * Fraction(rng.randint(10, 80), 100))))
    instance = Instance(budget=budget, projects=projects, meta={})
    if cardinal:
        ballots = [tuple(j for j, _ in key) for key in counts]
        points = [tuple(Fraction(p) for _, p in key) for key in counts]
        profile = Profile("cumulative", m, ballots, list(counts.values()), points)
    else:
        profile = Profile("approval", m, list(counts), list(counts.values()))
    return Election(instance, profile)


class CountRuns:
    """Counts MES runs, whole (`run`) or resumed (`rerun`, which may call `run`)."""

    def __init__(self, monkeypatch):
        self.runs = 0
        run, rerun = EqualShares.run, EqualShares.rerun

        def counted_run(engine, *args, **kwargs):
            self.runs += not engine.__dict__.get("_in_rerun")
            return run(engine, *args, **kwargs)

        def counted_rerun(engine, *args, **kwargs):
            self.runs += 1
            engine._in_rerun = True
            try:
                return rerun(engine, *args, **kwargs)
            finally:
                engine._in_rerun = False

        monkeypatch.setattr(EqualShares, "run", counted_run)
        monkeypatch.setattr(EqualShares, "rerun", counted_rerun)


@pytest.mark.parametrize("block", range(6))
def test_skipping_gives_what_the_plain_loop_gives(block, monkeypatch):
    plain_runs = 0
    counter = CountRuns(monkeypatch)
    for seed in range(block * 30, block * 30 + 30):
        election = generate(seed)
        for utility in ("cost", "approval"):
            chosen, share, runs = plain_add_one(election, utility)
            plain_runs += runs
            assert equal_shares_add_one(election, utility) == (chosen, share), (seed, utility)
    # the comparison only means something if runs were actually skipped
    assert counter.runs - plain_runs < plain_runs * 0.9


@pytest.mark.parametrize("seed", range(30))
def test_skipping_in_the_equalshares_net_form(seed):
    election = generate(1000 + seed)
    if election.profile.is_cardinal:
        pytest.skip("the equalshares.net form is for approval ballots")
    assert equalshares_add1(election) == plain_equalshares_add1(election)


def test_a_large_round_needs_far_fewer_runs(monkeypatch):
    rng = random.Random(3)
    m = 40
    costs = [Fraction(rng.randint(20_000, 2_000_000)) for _ in range(m)]
    weights = [rng.paretovariate(1.2) for _ in range(m)]
    counts: dict[tuple, int] = {}
    for _ in range(20_000):
        key = tuple(sorted({*rng.choices(range(m), weights=weights, k=rng.randint(1, 6))}))
        counts[key] = counts.get(key, 0) + 1
    projects = [Project(id=str(j + 1), cost=c, name="") for j, c in enumerate(costs)]
    election = Election(
        Instance(budget=Fraction(8_000_000), projects=projects, meta={}),
        Profile("approval", m, list(counts), list(counts.values())),
    )
    chosen, share, plain_runs = plain_add_one(election, "cost")
    counter = CountRuns(monkeypatch)
    assert equal_shares_add_one(election, "cost") == (chosen, share)
    assert plain_runs > 300
    assert counter.runs * 2 < plain_runs
