"""The results page as a voter reads it: counts in the right form (1 stemmer, 2 stemmers), and
for the Method of Equal Shares one sentence per plan on why it was chosen or not, with the
share every voter had."""

import re

import pytest
from django.urls import reverse

from participation.wijkbudget.results import explain_project, share_text
from participation.wijkbudget.services import ballot_cast, round_close

pytestmark = pytest.mark.django_db


def results_html(client, round):
    return client.get(reverse("participation:results", args=[round.slug])).content.decode()


def why(html: str, title: str) -> str:
    block = html.split(f">{title} <span", 1)[1].split("</li>", 1)[0]
    return re.sub(r"<[^>]+>", "", block.split("Waarom:", 1)[1]).strip()


def vote(round, resident_factory, *selections):
    for selection in selections:
        ballot_cast(round=round, selection=selection, user=resident_factory())


def test_one_voter_reads_singular_forms(client, voting_round, resident_factory, coordinator):
    _speeltuin, bankjes, _moestuin = voting_round.plans
    vote(voting_round, resident_factory, {bankjes.pk: 1})
    round_close(round=voting_round, actor=coordinator)
    html = results_html(client, voting_round)
    assert "1 stemmers" not in html and "1 stemmen" not in html
    assert "1 stem · € 3.000,00" in html
    assert 'aria-label="1 stem"' in html and 'aria-label="0 stemmen"' in html
    assert "De 1 stemmer voor dit plan kon het betalen." in why(html, "Bankjes")


def test_each_plan_says_why_equal_shares_chose_it_or_not(
    client, voting_round, resident_factory, coordinator
):
    speeltuin, bankjes, moestuin = voting_round.plans
    vote(
        voting_round,
        resident_factory,
        *[{speeltuin.pk: 1}] * 5,
        *[{bankjes.pk: 1, moestuin.pk: 1}] * 4,
    )
    result = round_close(round=voting_round, actor=coordinator).result
    share = result["equal_share_cents"]
    html = results_html(client, voting_round)
    euros = f"€ {share // 100:,}".replace(",", ".")
    for title in ("Speeltuin", "Bankjes", "Moestuin"):
        text = why(html, title)
        assert text.startswith(("Gekozen", "Niet gekozen")), text
        assert euros in text, text
    assert why(html, "Speeltuin").startswith(
        "Gekozen. De 5 stemmers voor dit plan konden het samen betalen."
    )


def test_shares_above_the_budget_are_explained(client, voting_round, resident_factory, coordinator):
    """With add-one the share grows past budget / voters: the page says why that is fair."""
    speeltuin, bankjes, moestuin = voting_round.plans
    vote(
        voting_round,
        resident_factory,
        {speeltuin.pk: 1},
        {bankjes.pk: 1},
        *[{moestuin.pk: 1}] * 2,
    )
    result = round_close(round=voting_round, actor=coordinator).result
    assert result["equal_share_cents"] * result["voters"] > result["budget_cents"]
    html = results_html(client, voting_round)
    assert "Samen is dat meer dan het budget van € 10.000,00. Dat is eerlijk" in html


def test_no_fairness_sentence_when_the_shares_fit():
    result = {"equal_share_cents": 100_000, "voters": 10, "budget_cents": 1_000_000}
    assert "eerlijk" not in share_text(result)
    assert share_text({"equal_share_cents": None, "voters": 3, "budget_cents": 1}) == ""


@pytest.mark.parametrize(
    ("votes", "expected"),
    [(1, "(1 stem)"), (3, "(3 stemmen)")],
)
def test_greedy_sentences_count_votes_right(votes, expected):
    entry = {"reason": "rule", "score": votes, "cost_cents": 100, "selected": True}
    assert expected in explain_project(entry, {"equal_share_cents": None, "projects": []})


def test_the_ballot_says_plan_or_plans(client, voting_round, coordinator):
    from participation.wijkbudget.services import vote_codes_generate

    voting_round.ballot_rule = "approval"
    voting_round.min_projects = 1
    voting_round.save()
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    client.post(reverse("participation:vote", args=[voting_round.slug]), {"code": code})
    html = client.get(reverse("participation:ballot", args=[voting_round.slug])).content.decode()
    assert "Kies minstens 1 plan." in html
