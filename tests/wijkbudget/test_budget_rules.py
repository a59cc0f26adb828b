"""The pure parts: phases of a round and the ballot rules, without a database."""

from datetime import UTC, datetime, timedelta

import pytest

from participation.wijkbudget.ballot_rules import RuleConfig, check_ballot
from participation.wijkbudget.workflow import (
    Actor,
    Feasibility,
    Phase,
    PhaseDates,
    PhaseError,
    check_feasibility,
    current_phase,
    may_advance,
    next_phase,
)

T0 = datetime(2027, 3, 1, tzinfo=UTC)
DAY = timedelta(days=1)
DATES = PhaseDates(T0, T0 + 10 * DAY, T0 + 20 * DAY, T0 + 30 * DAY, T0 + 60 * DAY)


@pytest.mark.parametrize(
    ("when", "phase"),
    [
        (T0 - DAY, Phase.VOORBEREIDING),
        (T0, Phase.IDEEEN),
        (T0 + 11 * DAY, Phase.HAALBAARHEID),
        (T0 + 21 * DAY, Phase.STEMMEN),
        # Past the planned end, voting goes on until staff close the round.
        (T0 + 40 * DAY, Phase.STEMMEN),
    ],
)
def test_the_phase_follows_the_dates(when, phase):
    assert current_phase(DATES, when) == phase


def test_closing_gives_results_then_realisation():
    closed = PhaseDates(
        T0, T0 + 10 * DAY, T0 + 20 * DAY, T0 + 30 * DAY, T0 + 60 * DAY, T0 + 31 * DAY
    )
    assert current_phase(closed, T0 + 32 * DAY) == Phase.UITSLAG
    assert current_phase(closed, T0 + 61 * DAY) == Phase.UITVOERING


def test_results_come_only_from_closing():
    assert next_phase(Phase.STEMMEN) == Phase.UITSLAG
    assert not may_advance(Phase.STEMMEN)
    assert may_advance(Phase.HAALBAARHEID)
    assert next_phase(Phase.UITVOERING) is None


def test_feasibility_moves():
    check_feasibility(Feasibility.INGEDIEND, Feasibility.NIET_HAALBAAR, Actor.STAFF)
    with pytest.raises(PhaseError):
        check_feasibility(Feasibility.SAMENGEVOEGD, Feasibility.HAALBAAR, Actor.STAFF)
    # A merge is the proposer's yes, never staff's alone.
    check_feasibility(Feasibility.HAALBAAR, Feasibility.SAMENGEVOEGD, Actor.PROPOSER)
    with pytest.raises(PhaseError):
        check_feasibility(Feasibility.HAALBAAR, Feasibility.SAMENGEVOEGD, Actor.STAFF)


COSTS = {1: 600_000, 2: 300_000, 3: 200_000}


def config(**kwargs):
    base = {"rule": "knapsack", "budget_cents": 1_000_000, "min_projects": 1}
    return RuleConfig(**{**base, **kwargs})


def test_knapsack_over_budget_is_refused_with_the_amounts():
    check = check_ballot(config(), {1: 1, 2: 1, 3: 1}, COSTS)
    assert not check.ok
    assert check.total_cents == 1_100_000
    assert "€ 11.000,00" in check.errors[0] and "€ 1.000,00 meer" in check.errors[0]
    assert check_ballot(config(), {1: 1, 2: 1}, COSTS).ok


def test_knapsack_minimum_share():
    check = check_ballot(config(min_share_percent=50), {3: 1}, COSTS)
    assert any("minstens € 5.000,00" in e for e in check.errors)


def test_approval_min_and_max():
    rule = config(rule="approval", min_projects=2, max_projects=2)
    assert any("minstens 2" in e for e in check_ballot(rule, {1: 1}, COSTS).errors)
    assert any("hoogstens 2" in e for e in check_ballot(rule, {1: 1, 2: 1, 3: 1}, COSTS).errors)
    assert check_ballot(rule, {1: 1, 3: 1}, COSTS).ok  # over budget is fine without knapsack


def test_cumulative_points():
    rule = config(rule="cumulative", points_total=5, points_max_per_project=3)
    assert check_ballot(rule, {1: 3, 2: 2}, COSTS).ok
    too_many = check_ballot(rule, {1: 3, 2: 3}, COSTS)
    assert any("6 punten gegeven" in e for e in too_many.errors)
    assert any("hoogstens 3 punten" in e for e in check_ballot(rule, {1: 4}, COSTS).errors)
    assert check_ballot(rule, {}, COSTS).errors


def test_unknown_plans_are_refused():
    assert any(
        "niet op de lijst met plannen" in e for e in check_ballot(config(), {9: 1}, COSTS).errors
    )
