"""Live turnout over a websocket, and rounds in and out of the pabulib format."""

import io
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.management import call_command
from django.core.management.base import CommandError

from config.asgi import application
from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.models import Ballot, Round
from participation.wijkbudget.pb import parse_file, parse_text
from participation.wijkbudget.pb.rules import outcome, selected_ids
from participation.wijkbudget.services import ballot_cast

ORIGIN = (b"origin", b"http://localhost")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_turnout_updates_live_while_voting(resident_factory):
    round = RoundFactory(slug="live")
    plan = ProposalFactory(round=round)

    async def scenario():
        listener = WebsocketCommunicator(application, "/ws/wijkbudget/live/", headers=[ORIGIN])
        connected, _ = await listener.connect()
        assert connected
        user = await database_sync_to_async(resident_factory)()
        await database_sync_to_async(ballot_cast)(round=round, selection={plan.pk: 1}, user=user)
        message = await listener.receive_json_from(timeout=5)
        await listener.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert message == {"type": "turnout", "payload": {"turnout": 1}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_unknown_round_has_no_live_channel():
    async def scenario():
        listener = WebsocketCommunicator(application, "/ws/wijkbudget/nope/", headers=[ORIGIN])
        connected, _ = await listener.connect()
        await listener.disconnect()
        return connected

    assert async_to_sync(scenario)() is False


PB = """META
key;value
description;Testwijk 2026
country;Netherlands
num_projects;3
num_votes;5
budget;1000.50
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;name
1;600;Speeltuin
2;300.25;Bankjes
3;"200";Moestuin
VOTES
voter_id;vote
1;1
2;1
3;1,2
4;2,3
5;3
"""


@pytest.mark.django_db
@pytest.mark.parametrize("earlier_plans", [0, 7])
def test_import_then_export_round_trips(tmp_path: Path, wijken, earlier_plans):
    # Earlier plans push the imported ones to ids 8, 9, 10: the tie between plans 9 and 10 must
    # still go to the earlier one, as in the file (ids compared as strings put "10" before "9").
    ProposalFactory.create_batch(earlier_plans)
    source = tmp_path / "test.pb"
    source.write_text(PB, encoding="utf-8")
    out = io.StringIO()
    call_command("pb_import", str(source), "--slug", "testwijk", "--close", stdout=out)
    round = Round.objects.get(slug="testwijk")
    assert round.budget_cents == 100_050
    assert Ballot.objects.filter(round=round).count() == 5
    assert "5 ballots" in out.getvalue()
    exported = io.StringIO()
    call_command("pb_export", "testwijk", stdout=exported)
    again = parse_text(exported.getvalue())
    original = parse_text(PB)
    assert again.profile.n_voters == 5
    assert sorted(p.cost for p in again.instance.projects) == sorted(
        p.cost for p in original.instance.projects
    )
    # The same winners, whichever side computes them.
    names = {p.id: p.name for p in again.instance.projects}
    mine = {names[i] for i in selected_ids(again, outcome(again, "greedy"))}
    theirs = {p.name for p in (original.instance.projects[j] for j in outcome(original, "greedy"))}
    assert mine == theirs
    won = {p["title"] for p in round.result["projects"] if p["selected"]}
    assert won == theirs


@pytest.mark.django_db
def test_import_names_the_line_of_a_broken_file(tmp_path: Path):
    source = tmp_path / "bad.pb"
    source.write_text(PB.replace("2;300.25;Bankjes", "2;driehonderd;Bankjes"), encoding="utf-8")
    with pytest.raises(CommandError, match="line 13"):
        call_command("pb_import", str(source))
    assert not Round.objects.exists()


PABULIB = Path("/work/shared/data/pabulib")
FILES = sorted(PABULIB.glob("*.pb"))


def file_view(election):
    """What a round trip must keep, compared as data: META, projects (id, cost, name and the
    other columns) and voters (id, choices, points and columns) in order. Empty fields count as
    absent: the writer fills a short line up to the header."""
    ids = [p.id for p in election.instance.projects]
    prof = election.profile
    projects = [
        (p.id, p.cost, p.name, {k: v for k, v in p.meta.items() if k != "cost" and v})
        for p in election.instance.projects
    ]
    voters = [
        (
            v.id,
            [ids[j] for j in prof.ballots[v.ballot]],
            prof.points[v.ballot] if prof.points is not None else None,
            {k: x for k, x in v.columns.items() if x},
        )
        for v in election.voters
    ]
    return dict(election.instance.meta), projects, voters


@pytest.mark.django_db
@pytest.mark.skipif(not FILES, reason="the pabulib files are not on this machine")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_pabulib_file_comes_back_from_import_and_export(path: Path, wijken):
    call_command("pb_import", str(path), "--slug", "rt", stdout=io.StringIO())
    exported = io.StringIO()
    call_command("pb_export", "rt", stdout=exported)
    again = parse_text(exported.getvalue(), voters=True)
    original = parse_file(path, voters=True)
    meta, projects, voters = file_view(again)
    meta0, projects0, voters0 = file_view(original)
    assert meta == meta0
    assert projects == projects0
    assert len(voters) == len(voters0)
    assert voters == voters0
    assert meta["num_votes"] == str(len(voters)) and meta["num_projects"] == str(len(projects))
