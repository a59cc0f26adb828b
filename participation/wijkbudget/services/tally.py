"""From stored ballots to an outcome: build a pabulib election from the database and run the
round's rule from participation/wijkbudget/pb. Distinct ballots are counted once, so 70,000
ballots are a single ordered read and a dictionary."""

from __future__ import annotations

from fractions import Fraction
from itertools import groupby

from ..models import BallotChoice, OutcomeRule, Round
from ..models.round import MES_RULES, BallotRule
from ..pb import Election, Instance, Profile, Project
from ..pb.explain import explain_greedy, explain_mes
from ..pb.official import _official
from ..pb.rules import outcome, scores


def cents_to_fraction(cents: int) -> Fraction:
    return Fraction(int(cents), 100)


def fraction_to_cents(value: Fraction) -> int:
    return round(value * 100)


def round_election(round: Round, proposals=None) -> Election:
    """The round as a pabulib election: feasible proposals are the projects (id = `pb_id`, the
    pk zero-padded, so the rules' tie-breaking on ids as strings puts the earlier plan first, as
    a number would: plan 9 before plan 10), every stored ballot a vote. Empty ballots still count
    as voters."""
    if proposals is None:
        proposals = list(round.proposals.on_ballot().order_by("pk"))
    cumulative = round.ballot_rule == BallotRule.CUMULATIVE
    vote_type = "cumulative" if cumulative else "approval"
    meta = {
        "description": round.title,
        "vote_type": vote_type,
        "rule": str(round.outcome_rule),
        "currency": "EUR",
    }
    if round.ballot_rule == BallotRule.KNAPSACK:
        meta["max_sum_cost"] = str(cents_to_fraction(round.budget_cents))
    if round.ballot_rule == BallotRule.APPROVAL:
        meta["min_length"] = str(round.min_projects)
        if round.max_projects is not None:
            meta["max_length"] = str(round.max_projects)
    if cumulative:
        meta["max_sum_points"] = str(round.points_total)
        meta["max_points"] = str(round.points_max_per_project)
    if round.outcome_rule == OutcomeRule.GREEDY_THRESHOLD:
        meta["min_project_score_threshold"] = str(round.score_threshold)
    projects = [
        Project(id=p.pb_id, cost=cents_to_fraction(p.final_cost_cents or 0), name=p.title)
        for p in proposals
    ]
    instance = Instance(budget=cents_to_fraction(round.budget_cents), projects=projects, meta=meta)
    index = {p.pk: j for j, p in enumerate(proposals)}
    rows = (
        BallotChoice.objects.filter(ballot__round=round)
        .order_by("ballot_id")
        .values_list("ballot_id", "proposal_id", "points")
        .iterator(chunk_size=20_000)
    )
    counts: dict[tuple, int] = {}
    voters_with_choices = 0
    for _ballot, choices in groupby(rows, key=lambda r: r[0]):
        if cumulative:
            key = tuple(sorted((index[p], pts) for _b, p, pts in choices if p in index))
        else:
            key = tuple(sorted(index[p] for _b, p, _pts in choices if p in index))
        counts[key] = counts.get(key, 0) + 1
        voters_with_choices += 1
    empty = round.ballots.count() - voters_with_choices
    if empty > 0:
        counts[()] = counts.get((), 0) + empty
    if cumulative:
        ballots = [tuple(j for j, _ in key) for key in counts]
        points = [tuple(Fraction(p) for _, p in key) for key in counts]
    else:
        ballots, points = list(counts), None
    profile = Profile(vote_type, len(projects), ballots, list(counts.values()), points)
    return Election(instance, profile)


def select(round: Round, election: Election) -> list[int]:
    rule = str(round.outcome_rule)
    if rule in {OutcomeRule.GREEDY, OutcomeRule.MES_COST, OutcomeRule.MES_APPROVAL}:
        return outcome(election, rule, round.completion or None)
    return _official(election, rule).selected


def _money(value) -> int:
    return fraction_to_cents(Fraction(value))


def compute_result(round: Round) -> dict:
    """The published result, as JSON: what the results page shows and explains. Amounts are
    cents; the explanation is data here and worded in the reader's language on the page."""
    proposals = list(round.proposals.on_ballot().order_by("pk"))
    election = round_election(round, proposals)
    rule = str(round.outcome_rule)
    mes = rule in MES_RULES and election.profile.n_voters
    # For MES the explanation computes the outcome itself; running the rule twice would double
    # the slow add-one completion.
    chosen = select(round, election) if election.profile.n_voters and not mes else []
    score = scores(election)
    approvals = election.profile.approvals()
    explained: dict[str, dict] = {}
    share = None
    if mes:
        utility = "cost" if rule == OutcomeRule.MES_COST else "approval"
        data = explain_mes(election, utility, round.completion or None)
        share = data["equal_share"]
        chosen = [j for j, p in enumerate(data["projects"]) if p.selected]
        steps = {s["project"]: s for s in data["rounds"]}
        for p in data["projects"]:
            details = {
                "paid_for": [
                    {"id": int(x["project"]), "cents": _money(x["money"])}
                    for x in p.details.get("supporters_paid_for", [])[:3]
                ],
            }
            if "supporters_money_left" in p.details:
                details["money_left_cents"] = _money(p.details["supporters_money_left"])
            step = steps.get(p.id)
            if step:
                unit = Fraction(step["price_per_unit"])
                per = unit * p.cost if utility == "cost" else unit
                details["per_supporter_cents"] = _money(per)
                details["supporters"] = step["supporters"]
                details["paid_everything"] = step["paid_everything_left"]
            explained[p.id] = {"reason": p.reason, "round": p.round, **details}
    elif election.profile.n_voters and rule in {
        OutcomeRule.GREEDY,
        OutcomeRule.GREEDY_THRESHOLD,
        OutcomeRule.GREEDY_NO_SKIP,
    }:
        for p in explain_greedy(election, chosen):
            explained[p.id] = {
                "reason": p.reason,
                "position": p.details["position"],
                "left_cents": _money(p.details["budget_left_at_turn"]),
            }
        if rule == OutcomeRule.GREEDY_THRESHOLD:
            for j, p in enumerate(election.instance.projects):
                if score[j] < round.score_threshold:
                    explained[p.id]["reason"] = "below-threshold"
        if rule == OutcomeRule.GREEDY_NO_SKIP:
            for p in election.instance.projects:
                if explained[p.id]["reason"] == "did-not-fit":
                    explained[p.id]["reason"] = "stopped"
    chosen_set = set(chosen)
    projects = []
    for j, (proposal, project) in enumerate(
        zip(proposals, election.instance.projects, strict=True)
    ):
        projects.append(
            {
                "id": proposal.pk,
                "title": proposal.title,
                "cost_cents": proposal.final_cost_cents or 0,
                "score": int(score[j]) if score[j].denominator == 1 else float(score[j]),
                "voters": approvals[j],
                "selected": j in chosen_set,
                "order": chosen.index(j) + 1 if j in chosen_set else None,
                **explained.get(
                    project.id, {"reason": "rule" if j in chosen_set else "not-chosen"}
                ),
            }
        )
    projects.sort(key=lambda p: (not p["selected"], -p["score"], p["id"]))
    return {
        "rule": rule,
        "completion": round.completion or "",
        "ballot_rule": str(round.ballot_rule),
        "voters": election.profile.n_voters,
        "budget_cents": round.budget_cents,
        "spent_cents": sum(p["cost_cents"] for p in projects if p["selected"]),
        "equal_share_cents": _money(share) if share is not None else None,
        "projects": projects,
    }
