"""Wijkbudget in the ledger: the count of a round and the realisation of its winners, with
counts of plans answered before the vote and plans still waiting while voting is on."""

import datetime as dt

import pytest

from common.feedback import ledger
from common.feedback.ledger.models import LedgerEntry
from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.models import ProposalEvent
from participation.wijkbudget.services import ballot_cast, realisation_add_update, round_close
from participation.wijkbudget.workflow import Feasibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted_round(wijken, user_factory, django_capture_on_commit_callbacks):
    round = RoundFactory(title="Wijkbudget Moerwijk", wijken=[wijken["moerwijk"]])
    bench = ProposalFactory(
        round=round, title="Bankjes bij de vijver", estimated_cost_cents=400_000
    )
    big = ProposalFactory(round=round, title="Grote speeltuin", estimated_cost_cents=900_000)
    ProposalFactory(round=round, title="Te laat beoordeeld", status=Feasibility.INGEDIEND)
    # Judged feasible in the review, before voting: the history says when (the answer time).
    for proposal in (bench, big):
        ProposalEvent.objects.create(
            proposal=proposal,
            to_status=Feasibility.HAALBAAR,
            created_at=round.voting_starts_at - dt.timedelta(days=3),
        )
    for _voter in range(3):
        ballot_cast(round=round, selection={bench.pk: 1}, user=user_factory())
    with django_capture_on_commit_callbacks(execute=True):
        round_close(round=round, actor=user_factory(role="coordinator"))
    round.refresh_from_db()
    return round, bench


def test_a_counted_round_and_its_realisation_are_answers_in_the_ledger(
    client, counted_round, user_factory, django_capture_on_commit_callbacks
):
    """Pushed by the count and by the update, without a rebuild."""
    round, bench = counted_round
    entry = LedgerEntry.objects.get(source="wijkbudget")
    assert entry.title == "Uitslag: Wijkbudget Moerwijk"
    assert "Bankjes bij de vijver" in entry.answer and "Grote speeltuin" not in entry.answer
    assert entry.input_url == f"/wijkbudget/{round.slug}/uitslag/"

    with django_capture_on_commit_callbacks(execute=True):
        realisation_add_update(
            proposal=bench, actor=user_factory(role="coordinator"), text="De bankjes staan er."
        )
    html = client.get("/terugkoppeling/moerwijk/?bron=wijkbudget").content.decode()
    assert "Uitvoering: Bankjes bij de vijver" in html and "De bankjes staan er." in html
    assert "Uitslag: Wijkbudget Moerwijk" in html


def test_plans_without_an_answer_once_voting_started_count_as_overdue(counted_round, wijken):
    source = ledger.all_sources()["wijkbudget"]
    figures = source.counts(wijken["moerwijk"])
    assert figures.received == 3
    assert figures.answered == 2
    assert figures.on_time == 2
    assert figures.overdue == 1
    assert figures.decided == 3  # the plan still waiting counts against the share
    assert source.counts(wijken["bouwlust"]).received == 0
