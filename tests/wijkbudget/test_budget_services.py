"""Services of the wijkbudget with the database: proposals and feasibility, codes, secret and
replaceable ballots, paper double entry, closing and the count."""

import pytest
from django.core.exceptions import ValidationError

from common.models import Notification
from participation.wijkbudget.models import Ballot, BallotChoice, HasVoted, Proposal, VoteCode
from participation.wijkbudget.pb.rules import outcome, selected_ids
from participation.wijkbudget.services import (
    BallotRefused,
    BudgetError,
    ballot_cast,
    paper_ballot_enter,
    proposal_answer_merge,
    proposal_mark_feasible,
    proposal_mark_infeasible,
    proposal_request_merge,
    proposal_submit,
    round_advance_phase,
    round_close,
    vote_code_find,
    vote_codes_generate,
)
from participation.wijkbudget.services.tally import round_election
from participation.wijkbudget.workflow import Feasibility, Phase

pytestmark = pytest.mark.django_db


def submit(round, user, **kwargs):
    data = {"title": "Bankjes", "description": "Om te rusten.", "estimated_cost_cents": 250_000}
    return proposal_submit(round=round, proposer=user, **{**data, **kwargs})


def test_a_resident_proposes_and_hears_why_not(ideas_round, resident, coordinator):
    proposal = submit(ideas_round, resident)
    assert proposal.status == Feasibility.INGEDIEND
    proposal_mark_infeasible(
        proposal=proposal, actor=coordinator, reason="Dit is geen grond van de gemeente."
    )
    proposal.refresh_from_db()
    assert proposal.status == Feasibility.NIET_HAALBAAR
    note = Notification.objects.get(user=resident, event="wijkbudget_niet_haalbaar")
    assert note.context["message"] == "Dit is geen grond van de gemeente."
    history = [(e.from_status, e.to_status, e.actor_kind, e.actor) for e in proposal.events.all()]
    assert history == [
        ("", "ingediend", "proposer", resident),
        ("ingediend", "niet_haalbaar", "staff", coordinator),
    ]


def test_niet_haalbaar_needs_a_reason(ideas_round, resident, coordinator):
    proposal = submit(ideas_round, resident)
    with pytest.raises(BudgetError, match="waarom"):
        proposal_mark_infeasible(proposal=proposal, actor=coordinator, reason="  ")


def test_haalbaar_sets_the_final_cost(review_round, resident, coordinator):
    proposal = Proposal.objects.create(
        round=review_round, proposer=resident, title="X", description="Y", estimated_cost_cents=100
    )
    proposal_mark_feasible(proposal=proposal, actor=coordinator, final_cost_cents=450_000)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.final_cost_cents) == (Feasibility.HAALBAAR, 450_000)
    assert Notification.objects.filter(user=resident, event="wijkbudget_haalbaar").exists()
    with pytest.raises(BudgetError):
        proposal_mark_feasible(proposal=proposal, actor=coordinator, final_cost_cents=5_000_000_00)


def test_ideas_only_in_their_phase(voting_round, resident):
    with pytest.raises(BudgetError, match="geen ideeën"):
        submit(voting_round, resident)


def test_no_feasibility_changes_once_voting_started(voting_round, coordinator):
    with pytest.raises(BudgetError, match="vóór het stemmen"):
        proposal_mark_infeasible(
            proposal=voting_round.plans[0], actor=coordinator, reason="Toch niet."
        )


def test_merge_waits_for_the_proposers_consent(
    ideas_round, resident, resident_factory, coordinator
):
    mine = submit(ideas_round, resident, title="Bankjes bij de school")
    theirs = submit(ideas_round, resident_factory(), title="Bankjes op het plein")
    proposal_request_merge(proposal=mine, into=theirs, actor=coordinator, message="")
    mine.refresh_from_db()
    assert mine.status == Feasibility.INGEDIEND  # nothing merged yet
    with pytest.raises(BudgetError):
        proposal_answer_merge(proposal=mine, actor=coordinator, agree=True)
    proposal_answer_merge(proposal=mine, actor=resident, agree=True)
    mine.refresh_from_db()
    assert (mine.status, mine.merged_into_id) == (Feasibility.SAMENGEVOEGD, theirs.pk)
    merged = mine.events.last()
    assert (merged.from_status, merged.actor_kind) == ("ingediend", "proposer")


def test_advancing_a_phase_moves_its_date(ideas_round, coordinator):
    row = round_advance_phase(round=ideas_round, actor=coordinator)
    assert row.phase() == Phase.HAALBAARHEID
    row = round_advance_phase(round=row, actor=coordinator)
    assert row.phase() == Phase.STEMMEN
    with pytest.raises(BudgetError, match="sluiten"):
        round_advance_phase(round=row, actor=coordinator)


def test_codes_are_stored_only_as_hashes(voting_round, coordinator):
    codes = vote_codes_generate(round=voting_round, count=5, actor=coordinator)
    assert len(set(codes)) == 5
    stored = list(VoteCode.objects.values_list("code_hash", flat=True))
    assert all(code not in h for code in codes for h in stored)
    assert vote_code_find(round=voting_round, text=codes[0].lower()).round == voting_round
    dashed = "-".join([codes[1][:4], codes[1][4:8], codes[1][8:]])
    assert vote_code_find(round=voting_round, text=f" {dashed} ")
    with pytest.raises(BudgetError, match="kennen we niet"):
        vote_code_find(round=voting_round, text="ABCD-EFGH-JKMN")
    with pytest.raises(BudgetError, match="klopt niet"):
        vote_code_find(round=voting_round, text="123")


def test_the_last_ballot_counts_and_nothing_links_it_to_the_code(voting_round, coordinator):
    speeltuin, bankjes, moestuin = voting_round.plans
    [text] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    code = vote_code_find(round=voting_round, text=text)
    first = ballot_cast(round=voting_round, selection={speeltuin.pk: 1}, code=code)
    second = ballot_cast(round=voting_round, selection={bankjes.pk: 1, moestuin.pk: 1}, code=code)
    assert Ballot.objects.count() == 1
    assert not Ballot.objects.filter(pk=first.pk).exists()
    assert first.receipt != second.receipt
    assert set(BallotChoice.objects.values_list("proposal_id", flat=True)) == {
        bankjes.pk,
        moestuin.pk,
    }
    mark = HasVoted.objects.get()
    assert mark.times == 2 and mark.code == code
    # The ballot row has no column that names a voter, a code or a time.
    columns = {f.name for f in Ballot._meta.get_fields()}
    assert not columns & {"code", "user", "voter", "created_at", "mark"}
    assert mark.nonce not in second.seal
    # Nor does the order of the rows: ballot keys are random, not a sequence next to the marks'.
    assert len(str(second.pk)) == 36 and len(str(second.choices.first().pk)) == 36


def test_refusals_explain_themselves(voting_round, coordinator):
    speeltuin, bankjes, moestuin = voting_round.plans
    [text] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    code = vote_code_find(round=voting_round, text=text)
    with pytest.raises(BallotRefused) as refused:
        ballot_cast(
            round=voting_round,
            selection={speeltuin.pk: 1, bankjes.pk: 1, moestuin.pk: 1},
            code=code,
        )
    assert "meer dan het budget" in refused.value.messages[0]
    assert not HasVoted.objects.exists() and not Ballot.objects.exists()


def test_no_votes_outside_the_voting_phase(ideas_round, resident):
    with pytest.raises(BudgetError, match="nog niet begonnen"):
        ballot_cast(round=ideas_round, selection={}, user=resident)


def test_one_ballot_per_account(voting_round, resident):
    speeltuin, bankjes, _m = voting_round.plans
    ballot_cast(round=voting_round, selection={speeltuin.pk: 1}, user=resident)
    ballot_cast(round=voting_round, selection={bankjes.pk: 1}, user=resident)
    assert Ballot.objects.count() == 1 and HasVoted.objects.count() == 1


def test_paper_ballots_need_two_people_who_agree(voting_round, coordinator, administrator):
    speeltuin, bankjes, _m = voting_round.plans
    assert (
        paper_ballot_enter(
            round=voting_round, sheet="17", selection={speeltuin.pk: 1}, actor=coordinator
        )
        is None
    )
    with pytest.raises(BudgetError, match="collega"):
        paper_ballot_enter(
            round=voting_round, sheet="17", selection={speeltuin.pk: 1}, actor=coordinator
        )
    with pytest.raises(BudgetError, match="anders"):
        paper_ballot_enter(
            round=voting_round, sheet="17", selection={bankjes.pk: 1}, actor=administrator
        )
    assert not Ballot.objects.exists()
    ballot = paper_ballot_enter(
        round=voting_round, sheet="17", selection={speeltuin.pk: 1}, actor=administrator
    )
    assert ballot.source == Ballot.Source.PAPER
    with pytest.raises(BudgetError, match="al geteld"):
        paper_ballot_enter(
            round=voting_round, sheet="17", selection={speeltuin.pk: 1}, actor=administrator
        )


def test_closing_counts_with_mes_and_matches_the_pb_package(
    voting_round, resident_factory, coordinator
):
    speeltuin, bankjes, moestuin = voting_round.plans
    votes = [{speeltuin.pk: 1}] * 6 + [{bankjes.pk: 1, moestuin.pk: 1}] * 4
    for selection in votes:
        ballot_cast(round=voting_round, selection=selection, user=resident_factory())
    election = round_election(voting_round)
    expected = selected_ids(election, outcome(election, "mes-cost", "add1"))
    closed = round_close(round=voting_round, actor=coordinator)
    assert closed.phase() == Phase.UITSLAG
    won = sorted(p["id"] for p in closed.result["projects"] if p["selected"])
    assert won == sorted(int(pb_id) for pb_id in expected)
    assert closed.result["voters"] == 10
    assert closed.result["equal_share_cents"] >= 100_000
    by_title = {p["title"]: p for p in closed.result["projects"]}
    assert by_title["Speeltuin"]["reason"] == "bought-by-shares"
    with pytest.raises(BudgetError, match="al gesloten"):
        round_close(round=closed, actor=coordinator)
    with pytest.raises(BudgetError, match="gesloten"):
        ballot_cast(round=closed, selection={}, user=resident_factory())


def test_an_equalshares_round_where_a_plan_got_no_votes_closes(
    voting_round, resident_factory, coordinator
):
    # The three plans cost € 11.000 together, over the € 10.000; nobody chose the speeltuin, and
    # the other two fit. Raising the shares can then never overspend: closing used to hang.
    _speeltuin, bankjes, moestuin = voting_round.plans
    voting_round.outcome_rule = "equalshares/add1"
    voting_round.save()
    for selection in [{bankjes.pk: 1}] * 3 + [{moestuin.pk: 1}] * 2:
        ballot_cast(round=voting_round, selection=selection, user=resident_factory())
    closed = round_close(round=voting_round, actor=coordinator)
    won = {p["title"] for p in closed.result["projects"] if p["selected"]}
    assert won == {"Bankjes", "Moestuin"}


def test_empty_ballots_still_count_as_voters(voting_round, resident_factory):
    voting_round.min_projects = 0
    voting_round.save()
    ballot_cast(round=voting_round, selection={}, user=resident_factory())
    ballot_cast(
        round=voting_round, selection={voting_round.plans[0].pk: 1}, user=resident_factory()
    )
    assert round_election(voting_round).profile.n_voters == 2


def test_round_clean_keeps_phases_in_order(voting_round):
    voting_round.voting_starts_at, voting_round.review_starts_at = (
        voting_round.review_starts_at,
        voting_round.voting_starts_at,
    )
    with pytest.raises(ValidationError):
        voting_round.clean()


def test_a_very_large_round_is_counted_by_the_worker(
    voting_round, resident_factory, coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    from participation.wijkbudget.services import rounds

    monkeypatch.setattr(rounds, "COUNT_IN_REQUEST_MAX_BALLOTS", 0)
    ballot_cast(
        round=voting_round, selection={voting_round.plans[0].pk: 1}, user=resident_factory()
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        closed = round_close(round=voting_round, actor=coordinator)
    assert closed.closed_at is not None and closed.result is None
    for callback in callbacks:
        callback()  # the immediate task backend runs the count now
    closed.refresh_from_db()
    assert closed.result["voters"] == 1


def test_the_example_code_in_the_help_text_has_the_form_of_a_real_code(voting_round):
    # A resident who copies the example must hear "we do not know this code", not that a code
    # looks different: the example uses only letters that real codes use (no I, L, O, 0, 1).
    with pytest.raises(BudgetError, match="kennen we niet"):
        vote_code_find(round=voting_round, text="ABCD-EFGH-JKMN")
    with pytest.raises(BudgetError, match="De letters I, L en O"):
        vote_code_find(round=voting_round, text="ABCD-EFGH-JKLM")
