"""Why each project won or lost, as plain data for the results page (which words it in Dutch).

For greedy rules: the order by score, and how much budget was left when a project's turn came.
For the Method of Equal Shares: every voter's equal share, what each winner cost its supporters
per person and how many of them paid all they had left, and for a losing project how much its
supporters still had when it became unaffordable and which winners took that money first.
The payments are replayed exactly per distinct ballot, which is fine at the size of a round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .instance import Election
from .mes import EqualShares
from .rules import equal_shares_add_one, greedy, is_exhaustive, mes_input, outcome, scores


@dataclass
class ProjectExplanation:
    id: str
    selected: bool
    reason: str  # see REASONS
    score: Fraction
    cost: Fraction
    round: int | None = None  # 1-based round in which it was bought or became unaffordable
    details: dict = field(default_factory=dict)


REASONS = {
    "highest-score": "selected in order of votes (points) while it fitted",
    "did-not-fit": "its turn came when less budget was left than it costs",
    "bought-by-shares": "its supporters' equal shares paid for it",
    "free": "it costs nothing",
    "added-by-completion": "money was left after equal shares; added in order of votes",
    "unaffordable": "its supporters' remaining shares no longer covered its cost",
    "no-supporters": "nobody voted for it",
}


def explain_greedy(election: Election, chosen: list[int] | None = None) -> list[ProjectExplanation]:
    inst = election.instance
    chosen = greedy(election) if chosen is None else chosen
    score = scores(election)
    left = inst.budget
    order = sorted(range(len(inst.projects)), key=lambda j: (-score[j], inst.projects[j].id))
    out = []
    for position, j in enumerate(order, start=1):
        p = inst.projects[j]
        won = j in chosen
        out.append(
            ProjectExplanation(
                p.id,
                won,
                "highest-score" if won else "did-not-fit",
                score[j],
                p.cost,
                details={"position": position, "budget_left_at_turn": left},
            )
        )
        if won:
            left -= p.cost
    return out


def explain_mes(election: Election, utility: str, completion: str | None = None) -> dict:
    """Explanation for MES (optionally with add-one completion followed by greedy)."""
    inst, prof = election.instance, election.profile
    n = prof.n_voters
    if completion == "add1":
        # The same steps as rules.outcome, without running add-one twice: it is the slow part.
        chosen, share = equal_shares_add_one(election, utility)
        everything = range(len(inst.projects))
        final = chosen if is_exhaustive(inst, chosen, everything) else greedy(election, chosen)
    else:
        share = inst.budget / n if n else Fraction(0)
        final = outcome(election, "mes-cost" if utility == "cost" else "mes-approval", completion)
    engine = EqualShares(mes_input(election, utility))
    run = engine.run(share) if n else None
    rhos = [engine.exact_rho(i) for i in range(len(run.steps))] if run else []
    mes_inp = engine.inp
    budget = [share] * len(prof.ballots)
    paid_to: dict[int, dict[int, Fraction]] = {}  # project -> winner -> money its supporters paid
    money_left: dict[int, Fraction] = {}
    took_before: dict[int, dict[int, Fraction]] = {}
    steps = []
    dropped = dict(run.dropped) if run else {}
    for r, (step, rho) in enumerate(zip(run.steps if run else [], rhos, strict=True)):
        for j, at in dropped.items():
            if at == r:
                money_left[j] = sum(
                    (budget[t] * prof.counts[t] for t in mes_inp.sup[j]), Fraction(0)
                )
        j = step.project
        utils = mes_inp.utils[j] or [mes_inp.unit[j]] * len(mes_inp.sup[j])
        full = 0
        for t, u in zip(mes_inp.sup[j], utils, strict=True):
            pay = min(budget[t], rho * u)
            if pay and pay == budget[t]:
                full += prof.counts[t]
            budget[t] -= pay
            for other in prof.ballots[t]:
                if other != j and pay:
                    got = paid_to.setdefault(other, {})
                    got[j] = got.get(j, Fraction(0)) + pay * prof.counts[t]
        steps.append(
            {
                "project": inst.projects[j].id,
                "price_per_unit": rho,
                "supporters": sum(prof.counts[t] for t in mes_inp.sup[j]),
                "paid_everything_left": full,
            }
        )
    for j, at in dropped.items():
        if at == len(steps):
            money_left[j] = sum((budget[t] * prof.counts[t] for t in mes_inp.sup[j]), Fraction(0))
            took_before[j] = dict(paid_to.get(j, {}))
    bought = {step.project: r + 1 for r, step in enumerate(run.steps if run else [])}
    score = scores(election)
    projects = []
    for j, p in enumerate(inst.projects):
        took = sorted(took_before.get(j, paid_to.get(j, {})).items(), key=lambda kv: -kv[1])
        took_first = [{"project": inst.projects[w].id, "money": m} for w, m in took]
        if j in bought:
            reason, rnd = "bought-by-shares", bought[j]
        elif run and j in run.free and j in final:
            reason, rnd = "free", None
        elif j in final:
            reason, rnd = "added-by-completion", None
        elif j in dropped:
            reason, rnd = "unaffordable", dropped[j] + 1
        elif score[j] == 0:
            reason, rnd = "no-supporters", None
        else:
            reason, rnd = "did-not-fit", None
        details = {"supporters_paid_for": took_first}
        if j in money_left:
            details["supporters_money_left"] = money_left[j]
        projects.append(
            ProjectExplanation(p.id, j in final, reason, score[j], p.cost, rnd, details)
        )
    return {"equal_share": share, "rounds": steps, "projects": projects}
