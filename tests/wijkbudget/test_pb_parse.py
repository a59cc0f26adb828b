"""Reading and writing pabulib files: exact numbers, quoted fields, errors that name the line."""

from __future__ import annotations

from fractions import Fraction

import pytest

from participation.wijkbudget.pb.parse import PabulibError, parse_file, parse_text
from participation.wijkbudget.pb.write import format_number, write_text


def pb(projects: str, votes: str, meta: str = "budget;10\nvote_type;approval") -> str:
    return f"META\nkey;value\n{meta}\nPROJECTS\n{projects}\nVOTES\n{votes}\n"


SIMPLE = pb("project_id;cost;name\n1;4;Bankjes\n2;6;Speeltuin", "voter_id;vote\n1;1,2\n2;2\n3;2\n")


def test_ballots_are_counted_once_per_distinct_ballot():
    e = parse_text(SIMPLE + "4;2,1\n")
    assert e.profile.n_voters == 4
    assert sorted(zip(e.profile.ballots, e.profile.counts, strict=True)) == [((0, 1), 2), ((1,), 2)]
    assert e.profile.approvals() == [2, 4]
    assert e.instance.projects[1].name == "Speeltuin"


def test_decimal_costs_and_budget_are_exact():
    e = parse_text(pb("project_id;cost\na;0.1\nb;0,2", "voter_id;vote\n1;a,b", "budget;0.3"))
    assert e.instance.budget == Fraction(3, 10)
    assert [p.cost for p in e.instance.projects] == [Fraction(1, 10), Fraction(1, 5)]


def test_quoted_fields_may_hold_semicolons_and_quotes():
    projects = 'project_id;cost;name\n"7";5;"Plein; met ""bomen"""'
    e = parse_text(pb(projects, 'voter_id;vote\n1;"7"\n2;7'))
    assert e.instance.projects[0].id == "7"
    assert e.instance.projects[0].name == 'Plein; met "bomen"'
    assert e.profile.approvals() == [2]


def test_cumulative_points_crlf_and_empty_ballots():
    text = pb(
        "project_id;cost\n1;3\n2;3",
        "voter_id;vote;points\n1;1,2;2,1\n2;2;3\n3;;",
        "budget;6\nvote_type;cumulative",
    ).replace("\n", "\r\n")
    e = parse_text(text)
    assert e.profile.n_voters == 3
    assert e.profile.point_totals() == [2, 4]
    assert e.profile.approvals() == [1, 2]


def test_choose_one_and_ordinal_are_read():
    e = parse_text(
        pb("project_id;cost\n1;3\n2;3", "voter_id;vote\n1;2\n2;2", "budget;3\nvote_type;choose-1")
    )
    assert e.profile.approvals() == [0, 2]
    e = parse_text(
        pb("project_id;cost\n1;3\n2;3", "voter_id;vote\n1;2,1", "budget;3\nvote_type;ordinal")
    )
    assert e.profile.ballots == [(1, 0)]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (pb("project_id;cost\n1;4", "voter_id;vote\n1;1\n2;1,3"), 11, "unknown project '3'"),
        (pb("project_id;cost\n1;vier", "voter_id;vote\n1;1"), 7, "cost 'vier'"),
        (pb("project_id;cost\n1;4\n1;5", "voter_id;vote"), 8, "listed twice"),
        (pb("project_id;cost\n1;4", "voter_id;vote\n1;1\n2"), 11, "expected at least 2"),
        (pb("project_id;cost\n1;4", "voter_id;vote\n1;1", "vote_type;approval"), 1, "no budget"),
        (
            pb(
                "project_id;cost\n1;4",
                "voter_id;vote;points\n1;1;2,3",
                "budget;4\nvote_type;cumulative",
            ),
            10,
            "1 projects but 2 points",
        ),
    ],
)
def test_malformed_files_name_the_line(text, line, words):
    with pytest.raises(PabulibError) as err:
        parse_text(text)
    assert err.value.line == line
    assert f"line {line}:" in str(err.value)
    assert words in str(err.value)


def test_bad_meta_values_name_their_line():
    with pytest.raises(PabulibError, match="line 3: budget 'tien' is not a number"):
        parse_text(pb("project_id;cost\n1;4", "voter_id;vote", "budget;tien"))
    with pytest.raises(PabulibError, match="line 4: unknown vote_type 'knapsack'"):
        parse_text(pb("project_id;cost\n1;4", "voter_id;vote", "budget;4\nvote_type;knapsack"))


def test_a_quoted_votes_block_still_names_the_line():
    with pytest.raises(PabulibError, match="line 11: vote for unknown project 'x'"):
        parse_text(pb("project_id;cost\n1;4", 'voter_id;vote\n"1";"1"\n2;x'))


def test_missing_section_is_reported():
    with pytest.raises(PabulibError, match="no VOTES section"):
        parse_text("META\nkey;value\nbudget;1\nPROJECTS\nproject_id;cost\n1;1\n")


def test_write_then_read_gives_the_same_election(tmp_path):
    text = pb(
        'project_id;cost;name\n1;2.5;"A; b"\n2;0.125;C',
        "voter_id;vote;points\n1;1,2;2,1\n2;2;3\n3;2;3",
        "budget;2.625\nvote_type;cumulative",
    )
    e = parse_text(text)
    path = tmp_path / "round.pb"
    path.write_text(write_text(e))
    again = parse_file(path)
    assert again.instance.budget == e.instance.budget
    assert [(p.id, p.cost, p.name) for p in again.instance.projects] == [
        (p.id, p.cost, p.name) for p in e.instance.projects
    ]
    assert again.profile.ballots == e.profile.ballots
    assert again.profile.points == e.profile.points
    assert again.profile.counts == e.profile.counts


def test_numbers_are_written_as_exact_decimals():
    assert format_number(Fraction(21, 8)) == "2.625"
    assert format_number(Fraction(-1, 20)) == "-0.05"
    assert format_number(Fraction(12)) == "12"
    with pytest.raises(ValueError, match="no exact decimal"):
        format_number(Fraction(1, 3))
