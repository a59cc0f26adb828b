"""Outcome rules on small elections whose answers can be checked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from participation.wijkbudget.pb.explain import explain_greedy, explain_mes
from participation.wijkbudget.pb.parse import parse_text
from participation.wijkbudget.pb.rules import RuleError, outcome, selected_ids


def election(projects: dict[str, str], ballots: list[str], budget: str, vote_type="approval"):
    cardinal = vote_type == "cumulative"
    lines = ["META", "key;value", f"budget;{budget}", f"vote_type;{vote_type}", "PROJECTS"]
    lines += ["project_id;cost", *(f"{pid};{cost}" for pid, cost in projects.items()), "VOTES"]
    lines.append("voter_id;vote;points" if cardinal else "voter_id;vote")
    lines += [f"{i};{b}" for i, b in enumerate(ballots, start=1)]
    return parse_text("\n".join(lines))


def chosen(e, rule, completion=None) -> list[str]:
    return selected_ids(e, outcome(e, rule, completion))


# Six voters with an equal share of 1: four want the two big projects, two want the small one.
PROPORTIONAL = election({"A": "3", "B": "3", "C": "2"}, ["A,B"] * 4 + ["C"] * 2, "6")


def test_greedy_follows_the_majority_and_mes_gives_the_minority_its_share():
    assert chosen(PROPORTIONAL, "greedy") == ["A", "B"]
    # A costs its 4 supporters 3/4 each, as does B; A wins the tie by id. The four then hold
    # 1/4 each, too little for B, while C's two supporters pay 1 each.
    assert chosen(PROPORTIONAL, "mes-cost") == ["A", "C"]
    assert chosen(PROPORTIONAL, "mes-approval") == ["A", "C"]


def test_explanation_says_who_paid_and_who_took_the_money():
    info = explain_mes(PROPORTIONAL, "approval")
    assert info["equal_share"] == 1
    assert [r["project"] for r in info["rounds"]] == ["A", "C"]
    assert info["rounds"][0]["price_per_unit"] == Fraction(3, 4)
    assert info["rounds"][1]["paid_everything_left"] == 2
    b = next(p for p in info["projects"] if p.id == "B")
    assert (b.selected, b.reason, b.round) == (False, "unaffordable", 2)
    assert b.details["supporters_money_left"] == 1
    assert b.details["supporters_paid_for"] == [{"project": "A", "money": 3}]


def test_cost_and_approval_utilities_differ_on_cheap_projects():
    e = election(
        {"X": "10", "Y": "2", "Z": "2"},
        ["X,Y"] * 4 + ["X,Z"] * 4 + ["X"] * 2,
        "10",
    )
    # Approval utilities: Y and Z cost their supporters 1/2 each, X costs everyone 1.
    assert chosen(e, "mes-approval") == ["Y", "Z"]
    # Cost utilities: X gives every voter 10 units of value for 1, the best price.
    assert chosen(e, "mes-cost") == ["X"]


def test_ties_go_to_the_smaller_id_as_a_string():
    e = election({"9": "1", "10": "1"}, ["9,10"] * 3, "1")
    assert chosen(e, "greedy") == ["10"]
    assert chosen(e, "mes-cost") == ["10"]
    assert chosen(e, "mes-approval") == ["10"]


def test_decimal_costs_are_added_exactly():
    # With floats 0.1 + 0.2 > 0.3, so B would be skipped and C taken instead.
    e = election({"A": "0.1", "B": "0.2", "C": "0.05"}, ["A"] * 3 + ["B"] * 2 + ["C"], "0.3")
    assert chosen(e, "greedy") == ["A", "B"]


def test_cumulative_greedy_counts_points_not_voters():
    e = election({"P": "2", "Q": "2"}, ["P;3", "Q;1", "Q;1"], "2", "cumulative")
    assert chosen(e, "greedy") == ["P"]


def test_cumulative_mes_uses_points_as_utilities():
    e = election({"P": "2", "Q": "2", "R": "1"}, ["P;3", "P;1", "Q;2", "Q;2"], "4", "cumulative")
    # Q: two voters with 2 points pay rho * 2 each, so rho = 1/2; P: the voter with 3 points
    # cannot pay 3/2, so rho = 1. Q first, then P with all that is left. Nobody wants R.
    assert outcome(e, "mes-approval") == [1, 0]
    # Cost utilities ignore points: P and Q both cost their two supporters 1 each.
    assert chosen(e, "mes-cost") == ["P", "Q"]


def test_add_one_completion_spends_what_plain_mes_leaves():
    e = election({"A": "3", "B": "3", "C": "2", "D": "1"}, ["A,B"] * 4 + ["C"] * 2, "7")
    assert chosen(e, "mes-cost") == ["A", "C"]
    # Shares of 7/6 + 1: the four A,B voters can now also afford B, which overspends (3+3+2 > 7),
    # so add-one keeps the earlier outcome; greedy then adds D, which nobody voted for but fits.
    assert chosen(e, "mes-cost", "add1") == ["A", "C", "D"]
    assert chosen(e, "greedy", "add1") == chosen(e, "greedy")


def test_a_free_project_is_always_selected_by_greedy():
    e = election({"A": "5", "F": "0"}, ["A"] * 2, "5")
    assert chosen(e, "greedy") == ["A", "F"]
    assert chosen(e, "mes-cost") == ["A"]  # Cost_Sat: a free project gives nobody any value


def test_choose_one_ballots_use_the_approval_rules():
    e = election({"1": "2", "2": "2", "3": "2"}, ["1", "1", "2", "3"], "4", "choose-1")
    assert chosen(e, "greedy") == ["1", "2"]
    # Project 2's single supporter holds a share of 1, half its cost.
    assert chosen(e, "mes-approval") == ["1"]
    assert chosen(e, "mes-approval", "add1") == ["1", "2"]


def test_greedy_explanation_gives_order_and_money_left():
    rows = {r.id: r for r in explain_greedy(PROPORTIONAL)}
    assert rows["C"].reason == "did-not-fit"
    assert rows["C"].details == {"position": 3, "budget_left_at_turn": 0}
    assert rows["B"].selected


def test_ordinal_ballots_are_refused_by_the_rules():
    e = election({"1": "2", "2": "2"}, ["2,1"], "2", "ordinal")
    with pytest.raises(RuleError, match="ordinal"):
        outcome(e, "greedy")


def test_explanation_marks_projects_added_by_completion():
    e = election({"A": "3", "B": "3", "C": "2", "D": "1"}, ["A,B"] * 4 + ["C"] * 2, "7")
    info = explain_mes(e, "cost", "add1")
    reasons = {p.id: p.reason for p in info["projects"]}
    assert reasons == {
        "A": "bought-by-shares",
        "B": "unaffordable",
        "C": "bought-by-shares",
        "D": "added-by-completion",
    }
    assert info["equal_share"] == Fraction(7, 6)
