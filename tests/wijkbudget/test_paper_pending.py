"""Paper ballots that wait: the coordinator's list, a first entry with a typo corrected by a
colleague who did not type it, an invalid sheet set aside, and no closing while sheets wait."""

import pytest
from django.urls import reverse

from participation.wijkbudget.models import Ballot, PaperBallotEntry
from participation.wijkbudget.services import (
    BudgetError,
    paper_ballot_enter,
    paper_entry_correct,
    paper_entry_discard,
    round_close,
)

pytestmark = pytest.mark.django_db


def ws(name, round, *args):
    return reverse(f"wijkbudget_workspace:{name}", args=[round.pk, *args])


@pytest.fixture
def typo(voting_round, coordinator):
    """Sheet 7 says Bankjes; the coordinator typed Speeltuin."""
    speeltuin, _bankjes, _m = voting_round.plans
    paper_ballot_enter(
        round=voting_round, sheet="7", selection={speeltuin.pk: 1}, actor=coordinator
    )
    return PaperBallotEntry.objects.get()


def test_a_typo_in_the_first_entry_is_corrected_by_a_colleague(
    voting_round, typo, coordinator, administrator, coordinator_factory
):
    _s, bankjes, _m = voting_round.plans
    with pytest.raises(BudgetError, match="anders dan die van uw collega"):
        paper_ballot_enter(
            round=voting_round, sheet="7", selection={bankjes.pk: 1}, actor=administrator
        )
    with pytest.raises(BudgetError, match="zelf gedaan"):
        paper_entry_correct(entry=typo, selection={bankjes.pk: 1}, actor=coordinator)
    third = coordinator_factory()
    paper_entry_correct(entry=typo, selection={bankjes.pk: 1}, actor=third)
    assert not Ballot.objects.exists()  # a correction alone is one entry, not two
    ballot = paper_ballot_enter(
        round=voting_round, sheet="7", selection={bankjes.pk: 1}, actor=administrator
    )
    assert [c.proposal_id for c in ballot.choices.all()] == [bankjes.pk]
    typo.refresh_from_db()
    assert typo.discarded_by == third and not typo.counted  # kept for the record


def test_the_typist_may_confirm_the_correction_of_their_own_typo(
    voting_round, typo, coordinator, administrator
):
    _s, bankjes, _m = voting_round.plans
    paper_entry_correct(entry=typo, selection={bankjes.pk: 1}, actor=administrator)
    assert paper_ballot_enter(
        round=voting_round, sheet="7", selection={bankjes.pk: 1}, actor=coordinator
    )


def test_the_round_does_not_close_while_sheets_wait(voting_round, typo, coordinator):
    with pytest.raises(BudgetError, match="Er wacht nog 1 papieren stembiljet"):
        round_close(round=voting_round, actor=coordinator)
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None
    paper_entry_discard(entry=typo, actor=coordinator)
    round_close(round=voting_round, actor=coordinator)
    voting_round.refresh_from_db()
    assert voting_round.closed_at is not None and not Ballot.objects.exists()


def test_the_close_page_names_how_many_sheets_wait(client, voting_round, typo, administrator):
    client.force_login(administrator)
    html = client.get(ws("close", voting_round)).content.decode()
    assert "Er wacht nog 1 papieren stembiljet op een tweede invoer" in html
    assert 'name="sure"' not in html
    client.post(ws("close", voting_round), {"sure": "on"})
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None


def test_the_list_of_waiting_sheets_and_a_correction_in_the_workspace(
    client, voting_round, typo, administrator
):
    speeltuin, bankjes, _m = voting_round.plans
    client.force_login(administrator)
    assert "1 papieren stembiljet wacht" in client.get(ws("round", voting_round)).content.decode()
    html = client.get(ws("pending", voting_round)).content.decode()
    assert "<td>7</td>" in html and ws("correct", voting_round, typo.pk) in html
    html = client.get(ws("correct", voting_round, typo.pk)).content.decode()
    checked = f'name="kies" value="{speeltuin.pk}" checked'
    assert checked in html  # what was typed first, to correct
    response = client.post(ws("correct", voting_round, typo.pk), {"kies": [bankjes.pk]})
    assert response.status_code == 302
    [active] = PaperBallotEntry.objects.filter(discarded_at=None)
    assert active.entered_by == administrator and active.choices == {str(bankjes.pk): 1}


def test_the_typist_sees_no_correction_link_for_their_own_entry(
    client, voting_round, typo, coordinator
):
    client.force_login(coordinator)
    html = client.get(ws("pending", voting_round)).content.decode()
    assert ws("correct", voting_round, typo.pk) not in html
    data = {"kies": [voting_round.plans[1].pk]}
    response = client.post(ws("correct", voting_round, typo.pk), data)
    assert response.status_code == 400 and "zelf gedaan" in response.content.decode()


def test_discarding_an_invalid_sheet_needs_the_checkbox(client, voting_round, typo, administrator):
    client.force_login(administrator)
    html = client.get(ws("discard", voting_round, typo.pk)).content.decode()
    assert "Stembiljet 7 telt dan niet mee" in html and "niet ongedaan" in html
    assert client.post(ws("discard", voting_round, typo.pk), {}).status_code == 400
    typo.refresh_from_db()
    assert typo.discarded_at is None
    client.post(ws("discard", voting_round, typo.pk), {"sure": "on"})
    typo.refresh_from_db()
    assert typo.discarded_at is not None


@pytest.mark.parametrize("name", ["pending", "correct", "discard"])
def test_others_cannot_see_or_change_waiting_sheets(
    client, voting_round, typo, broker, resident, name
):
    args = [] if name == "pending" else [typo.pk]
    for user in (broker, resident):
        client.force_login(user)
        assert client.get(ws(name, voting_round, *args)).status_code in (302, 403)
        data = {"sure": "on", "kies": [voting_round.plans[1].pk]}
        assert client.post(ws(name, voting_round, *args), data).status_code in (302, 403)
    typo.refresh_from_db()
    assert typo.discarded_at is None and PaperBallotEntry.objects.count() == 1
