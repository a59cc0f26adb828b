"""Outcome rules, defined to give exactly what the reference library pabutools gives.

The pabutools calls each rule corresponds to (all with its default lexicographic tie-breaking on
the project id as a string, and exact rationals):

- ``greedy``: ``greedy_utilitarian_welfare`` with ``Cost_Sat`` (approval ballots: by votes) or,
  for cumulative/scoring ballots, with the additive satisfaction points x cost (by points).
  A project that costs nothing has density 0 there but always fits, so it is always selected.
- ``mes-cost``: ``method_of_equal_shares`` with ``Cost_Sat`` (on cardinal ballots every listed
  project counts as approved: points are ignored, as ``Cost_Sat`` does).
- ``mes-approval``: ``method_of_equal_shares`` with ``Cardinality_Sat`` for approval ballots and
  ``Additive_Cardinal_Sat`` (points as utilities) for cardinal ballots.
- ``completion="add1"``: ``completion_by_rule_combination`` of MES with
  ``voter_budget_increment=1`` (pabutools' add-one: every voter's share grows by one unit until
  the outcome would overspend or is exhaustive) followed by ``greedy`` as above.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction

from .instance import Election, Instance
from .mes import EqualShares, MesInput

RULES = ("greedy", "mes-cost", "mes-approval")
COMPLETIONS = (None, "add1")


class RuleError(ValueError):
    """The rule cannot be applied to this election (e.g. ordinal ballots)."""


def _check(election: Election) -> None:
    if election.profile.vote_type == "ordinal":
        raise RuleError("ordinal ballots are read but no outcome rule is defined for them")


def scores(election: Election) -> list[Fraction]:
    """Votes per project, or points for cumulative and scoring ballots."""
    return election.profile.point_totals()


def greedy(election: Election, initial: Iterable[int] = ()) -> list[int]:
    """Highest score first (ties: id as a string), skipping projects that no longer fit."""
    _check(election)
    inst = election.instance
    chosen = list(initial)
    taken = set(chosen)
    score = scores(election)
    density = [s if p.cost > 0 else Fraction(0) for s, p in zip(score, inst.projects, strict=True)]
    order = sorted(
        (j for j in range(len(inst.projects)) if j not in taken),
        key=lambda j: (-density[j], inst.projects[j].id),
    )
    left = inst.budget - inst.total_cost(chosen)
    for j in order:
        cost = inst.projects[j].cost
        if cost <= left:
            chosen.append(j)
            left -= cost
    return chosen


def mes_input(election: Election, utility: str, rank: Sequence[int] | None = None) -> MesInput:
    """Supporters and utilities per project for MES with cost or approval utilities."""
    _check(election)
    inst, prof = election.instance, election.profile
    sup = prof.supporters()
    costs = [p.cost for p in inst.projects]
    unit: list[Fraction | None] = []
    utils: list[list[Fraction] | None] = []
    sups: list[list[int]] = []
    for j, cost in enumerate(costs):
        if utility == "cost":
            unit.append(cost)
            utils.append(None)
            sups.append(sup[j])
        elif utility == "approval" and not prof.is_cardinal:
            unit.append(Fraction(1))
            utils.append(None)
            sups.append(sup[j])
        elif utility == "approval":
            pairs = [(t, u) for t, u in zip(sup[j], prof.utilities(j), strict=True) if u > 0]
            unit.append(None)
            utils.append([u for _, u in pairs])
            sups.append([t for t, _ in pairs])
        else:
            raise RuleError(f"unknown utility {utility!r}")
    return MesInput(
        costs=costs,
        sup=sups,
        mult=prof.counts,
        rank=list(rank) if rank is not None else inst.id_rank(),
        unit=unit,
        utils=utils,
        n_voters=prof.n_voters,
        split=prof.split_supporters() if all(u is not None for u in unit) else None,
    )


def is_exhaustive(inst: Instance, chosen: Sequence[int], among: Iterable[int]) -> bool:
    spent = inst.total_cost(chosen)
    taken = set(chosen)
    return all(spent + inst.projects[j].cost > inst.budget for j in among if j not in taken)


def equal_shares(election: Election, utility: str) -> list[int]:
    """Plain MES: every voter starts with budget / number of voters."""
    n = election.profile.n_voters
    if n == 0:
        return []
    engine = EqualShares(mes_input(election, utility))
    return engine.run(election.instance.budget / n).selected


def equal_shares_add_one(election: Election, utility: str) -> tuple[list[int], Fraction]:
    """pabutools' iterated MES: raise every share by 1 until overspending or exhaustive.

    Returns the selection and the equal share it was computed with. A run also reports for how
    many further increments its outcome is certain to stay the same (`MesResult.same_for`, see
    mes.py); those runs are skipped, and the next run only redoes the rounds that may differ,
    which changes nothing but the time.
    """
    inst = election.instance
    n = election.profile.n_voters
    if n == 0:
        return [], Fraction(0)
    engine = EqualShares(mes_input(election, utility))
    per_voter = inst.budget / n
    previous, previous_share = list(engine.free), per_voter
    run = engine.run(per_voter, track=True)
    while True:
        chosen = run.selected
        if inst.total_cost(chosen) > inst.budget:
            return previous, previous_share
        if is_exhaustive(inst, chosen, engine.candidates):
            return chosen, per_voter
        same = run.same_for()
        previous, previous_share = chosen, per_voter + same
        per_voter += same + 1
        run = engine.rerun(per_voter)


def outcome(election: Election, rule: str, completion: str | None = None) -> list[int]:
    """Selected project indices, in the order the rule picked them."""
    if rule not in RULES:
        raise RuleError(f"unknown rule {rule!r}")
    if completion not in COMPLETIONS:
        raise RuleError(f"unknown completion {completion!r}")
    if rule == "greedy":
        return greedy(election)  # greedy is already exhaustive: add-one changes nothing
    utility = "cost" if rule == "mes-cost" else "approval"
    if completion is None:
        return equal_shares(election, utility)
    chosen, _ = equal_shares_add_one(election, utility)
    if is_exhaustive(election.instance, chosen, range(len(election.instance.projects))):
        return chosen
    return greedy(election, initial=chosen)


def selected_ids(election: Election, chosen: Iterable[int]) -> list[str]:
    """Project ids sorted as strings: the order `pb_outcome` prints, easy to compare."""
    return sorted(election.instance.projects[j].id for j in chosen)
