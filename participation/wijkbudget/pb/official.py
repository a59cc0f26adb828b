"""The rules cities actually used, as named in a pabulib file's `rule` key.

These differ from pabutools' variants in small ways that change outcomes, so they are separate:

- ``greedy``: by score, skipping projects that no longer fit (ties: id as a string).
- ``greedy-threshold``: the same, among projects whose score reaches the file's
  ``min_project_score_threshold`` (score: votes, or points for cumulative ballots).
- ``greedy-no-skip``: by score, stopping at the first project that does not fit.
- ``equalshares/add1`` and ``equalshares/add1-comparison``: the Method of Equal Shares as the
  equalshares.net compute tool runs it: cost utilities; add-one starting from the whole-unit part
  of the equal share and continuing while the next step stays within the budget (no add-one when
  every project fits); no utilitarian completion (the tool's option, `completion=True`, is kept).
  ``-comparison`` adds the tool's comparison step: the greedy outcome (most votes first, ties in
  file order) wins when more voters prefer it, counting approved winners per voter.
  Checked against the official `selected` column of Assen 2024, Swiecie 2023 and Wieliczka 2023:
  stopping at the first exhaustive outcome, or completing greedily, changes Assen and Wieliczka.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

from .instance import Election
from .mes import EqualShares
from .rules import RuleError, greedy, is_exhaustive, mes_input, scores


@dataclass
class OfficialResult:
    rule: str
    selected: list[int]
    notes: list[str] = field(default_factory=list)


def _by_score(election: Election, eligible: list[int]) -> list[int]:
    score = scores(election)
    projects = election.instance.projects
    return sorted(eligible, key=lambda j: (-score[j], projects[j].id))


def greedy_threshold(election: Election, threshold: Fraction) -> list[int]:
    score = scores(election)
    eligible = [j for j in range(len(score)) if score[j] >= threshold]
    left = election.instance.budget
    chosen = []
    for j in _by_score(election, eligible):
        cost = election.instance.projects[j].cost
        if cost <= left:
            chosen.append(j)
            left -= cost
    return chosen


def greedy_no_skip(election: Election) -> list[int]:
    left = election.instance.budget
    chosen = []
    for j in _by_score(election, list(range(len(election.instance.projects)))):
        cost = election.instance.projects[j].cost
        if cost > left:
            break
        chosen.append(j)
        left -= cost
    return chosen


def _utilitarian(election: Election, initial: list[int]) -> list[int]:
    """The tool's completion: most approvals first, ties kept in file order (a stable sort)."""
    votes = election.profile.approvals()
    inst = election.instance
    chosen = list(initial)
    spent = inst.total_cost(chosen)
    for j in sorted(range(len(inst.projects)), key=lambda j: -votes[j]):
        if j not in chosen and spent + inst.projects[j].cost <= inst.budget:
            chosen.append(j)
            spent += inst.projects[j].cost
    return chosen


def equalshares_add1(
    election: Election, completion: bool = False, exhaustive_stop: bool = False
) -> list[int]:
    """Add-one as the cities ran it: raise the shares while the outcome stays affordable."""
    inst, prof = election.instance, election.profile
    n = prof.n_voters
    votes = prof.approvals()
    rank_order = sorted(
        range(len(inst.projects)),
        key=lambda j: (-votes[j], inst.projects[j].cost, inst.projects[j].id),
    )
    rank = [0] * len(rank_order)
    for r, j in enumerate(rank_order):
        rank[j] = r  # the tool breaks ties by most votes, then lowest cost
    engine = EqualShares(mes_input(election, "cost", rank))
    everything = range(len(inst.projects))
    if inst.total_cost(everything) <= inst.budget:
        chosen = engine.run(inst.budget / n, include_free=False).selected
    else:
        per_voter = Fraction(math.floor(inst.budget / n))
        run = engine.run(per_voter, include_free=False, track=True)
        chosen = run.selected
        supported = set(engine.candidates)
        while not (exhaustive_stop and is_exhaustive(inst, chosen, everything)):
            if supported <= set(chosen):  # every project with a vote is in: nothing can change
                break
            # the next increments known to select the same projects are skipped (see mes.py)
            per_voter += run.same_for()
            run = engine.rerun(per_voter + 1, include_free=False)
            if inst.total_cost(run.selected) > inst.budget:
                break
            per_voter, chosen = per_voter + 1, run.selected
    return _utilitarian(election, chosen) if completion else chosen


def prefer_counts(election: Election, mes: list[int], other: list[int]) -> tuple[int, int]:
    """Voters preferring each outcome by number of approved winners, as the tool counts them.

    The tool keeps a count only for voters who approve at least one winner of an outcome and
    compares missing counts as false, so a voter with no winner in either outcome counts for
    neither side; this is reproduced because it decided real results.
    """
    prof = election.profile
    a, b = set(mes), set(other)
    prefer_mes = prefer_other = 0
    for ballot, count in zip(prof.ballots, prof.counts, strict=True):
        sa = sum(1 for j in ballot if j in a)
        sb = sum(1 for j in ballot if j in b)
        if sa and sb:
            prefer_mes += count * (sa > sb)
            prefer_other += count * (sb > sa)
    return prefer_mes, prefer_other


def official_outcome(election: Election, rule: str | None = None) -> OfficialResult:
    result = _official(election, rule or election.instance.meta.get("rule", ""))
    exceptions = [p.id for p in election.instance.projects if p.meta.get("selected") == "2"]
    if exceptions:  # pabulib's mark for a project funded outside the rule, see the comment
        result.notes.append(
            f"selected=2 in the file (funded outside the rule, see its comment): {exceptions}; "
            "not part of this outcome"
        )
    return result


def _official(election: Election, rule: str) -> OfficialResult:
    meta = election.instance.meta
    if election.profile.vote_type == "ordinal":
        raise RuleError("ordinal ballots: no official rule is implemented")
    if rule == "greedy":
        return OfficialResult(rule, greedy(election))
    if rule == "greedy-threshold":
        if "min_project_score_threshold" not in meta:
            raise RuleError("greedy-threshold needs min_project_score_threshold in META")
        threshold = Fraction(meta["min_project_score_threshold"])
        return OfficialResult(rule, greedy_threshold(election, threshold))
    if rule == "greedy-no-skip":
        return OfficialResult(rule, greedy_no_skip(election))
    if rule in ("equalshares/add1", "equalshares/add1-comparison"):
        if election.profile.is_cardinal:
            raise RuleError("the equalshares.net form is defined here for approval ballots only")
        chosen = equalshares_add1(election, completion=False)
        notes = []
        if rule.endswith("-comparison"):
            plain = _utilitarian(election, [])
            prefer_mes, prefer_greedy = prefer_counts(election, chosen, plain)
            notes.append(f"comparison: {prefer_mes} prefer MES, {prefer_greedy} prefer greedy")
            if prefer_greedy > prefer_mes:
                chosen = plain
        return OfficialResult(rule, chosen, notes)
    raise RuleError(f"no official rule {rule!r}")
