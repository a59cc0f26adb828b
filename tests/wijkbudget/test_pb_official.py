"""The rules cities used (a file's `rule` key) and the `pb_outcome` command."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from participation.wijkbudget.pb.official import official_outcome, prefer_counts
from participation.wijkbudget.pb.parse import parse_text
from participation.wijkbudget.pb.rules import selected_ids


def pb(
    rule: str, projects: dict[str, str], ballots: list[str], budget: str, extra: str = ""
) -> str:
    lines = ["META", "key;value", f"budget;{budget}", "vote_type;approval", f"rule;{rule}"]
    lines += [extra] if extra else []
    lines += ["PROJECTS", "project_id;cost", *(f"{p};{c}" for p, c in projects.items())]
    lines += ["VOTES", "voter_id;vote", *(f"{i};{b}" for i, b in enumerate(ballots, 1))]
    return "\n".join(lines) + "\n"


def official(text: str) -> list[str]:
    e = parse_text(text)
    return selected_ids(e, official_outcome(e).selected)


BALLOTS = ["A,B"] * 4 + ["C"] * 2


def test_greedy_threshold_skips_projects_with_too_few_votes():
    text = pb(
        "greedy-threshold",
        {"A": "3", "B": "3", "C": "2"},
        BALLOTS,
        "8",
        "min_project_score_threshold;3",
    )
    assert official(text) == ["A", "B"]  # C fits but has 2 votes, under the threshold of 3


def test_greedy_no_skip_stops_at_the_first_project_that_does_not_fit():
    text = pb("greedy-no-skip", {"A": "3", "B": "4", "C": "1"}, BALLOTS, "6")
    assert official(text) == ["A"]  # B does not fit, so C is never considered
    assert official(text.replace("greedy-no-skip", "greedy")) == ["A", "C"]


def test_equalshares_add1_raises_whole_shares_while_the_outcome_fits():
    text = pb("equalshares/add1", {"A": "3", "B": "3", "C": "2", "D": "1"}, BALLOTS, "7")
    # Shares start at floor(7/6) = 1: A and C. At 2 the A,B voters also buy B: 8 > 7, stop.
    # No utilitarian completion: D, which fits, stays out, as in the official results.
    assert official(text) == ["A", "C"]


def test_equalshares_add1_ends_when_every_project_with_a_vote_is_in():
    # All together A-D cost 10 > 7, but nobody voted for D: once A, B and C are bought, larger
    # shares change nothing and never overspend. This used to raise the shares for ever.
    text = pb("equalshares/add1", {"A": "3", "B": "1", "C": "2", "D": "4"}, BALLOTS, "7")
    assert official(text) == ["A", "B", "C"]


def test_comparison_step_switches_to_greedy_when_more_voters_prefer_it():
    text = pb("equalshares/add1-comparison", {"A": "3", "B": "3", "C": "2"}, BALLOTS, "6")
    e = parse_text(text)
    result = official_outcome(e)
    assert selected_ids(e, result.selected) == ["A", "B"]
    assert result.notes == ["comparison: 0 prefer MES, 4 prefer greedy"]


def test_comparison_counts_only_voters_with_a_winner_in_both_outcomes():
    e = parse_text(pb("equalshares/add1-comparison", {"A": "3", "B": "3", "C": "2"}, BALLOTS, "6"))
    # The C voters like MES (A, C) better but have no winner under greedy (A, B): the tool
    # leaves them out of the count, and so do we.
    assert prefer_counts(e, [0, 2], [0, 1]) == (0, 4)


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="no official rule 'unknown'"):
        official(pb("unknown", {"A": "1"}, ["A"], "1"))


def run(*args) -> str:
    out = StringIO()
    call_command("pb_outcome", *args, stdout=out)
    return out.getvalue()


def test_command_prints_one_json_line(tmp_path):
    path = tmp_path / "round.pb"
    path.write_text(pb("greedy", {"A": "3", "B": "3", "C": "2"}, BALLOTS, "6"))
    lines = run(str(path), "--rule", "mes-cost", "--json").splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["selected"] == ["A", "C"]
    assert set(data["seconds"]) == {"parse", "rule"}
    assert json.loads(run(str(path), "--rule", "official", "--json"))["selected"] == ["A", "B"]
    table = run(str(path), "--rule", "mes-approval", "--completion", "add1")
    assert "2 selected, cost 5.00 of 6.00" in table


def test_command_reports_the_bad_line(tmp_path):
    path = tmp_path / "bad.pb"
    path.write_text(pb("greedy", {"A": "3"}, ["A", "Z"], "6"))
    with pytest.raises(CommandError, match="line 12: vote for unknown project 'Z'"):
        run(str(path), "--rule", "greedy", "--json")


def test_projects_funded_outside_the_rule_are_reported_not_computed():
    text = pb("greedy", {"A": "3;1", "B": "3;1", "C": "2;2"}, BALLOTS, "6")
    text = text.replace("project_id;cost\n", "project_id;cost;selected\n")
    e = parse_text(text)
    result = official_outcome(e)
    assert selected_ids(e, result.selected) == ["A", "B"]
    assert "selected=2 in the file" in result.notes[0]
    assert "['C']" in result.notes[0]
