"""The wijkbudget ballot and the plan cards with pictograms (issue 12, item 8): plans have no
theme, so each plan has the one 'plan' picture, and its cost the money picture. Decorative
(alt=""): the title and the amount carry the meaning."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from participation.wijkbudget.services import vote_codes_generate

pytestmark = pytest.mark.django_db


# The plans of the `voting_round` fixture and what they cost.
COSTS = {"Speeltuin": "€ 6.000,00", "Bankjes": "€ 3.000,00", "Moestuin": "€ 2.000,00"}


def url(name, round, *args):
    return reverse(f"participation:{name}", args=[round.slug, *args])


def pictures(element) -> list[str]:
    found = []
    for img in element.select("img.pictogram"):
        assert img["alt"] == ""
        found.append(img["src"].rsplit("/", 1)[-1])
    return found


def test_every_plan_on_the_ballot_has_its_pictures_beside_title_and_cost(
    client, voting_round, coordinator
):
    [code] = vote_codes_generate(round=voting_round, count=1, actor=coordinator)
    client.post(url("vote", voting_round), {"code": code})
    soup = BeautifulSoup(client.get(url("ballot", voting_round)).content.decode(), "html.parser")
    cards = soup.select(".pb-cards--ballot .pb-card")
    assert len(cards) == len(voting_round.plans)
    for card, plan in zip(cards, voting_round.plans, strict=True):
        title = card.select_one(f"#plan-{plan.pk}")
        assert pictures(title) == ["plan.svg"] and title.get_text(strip=True) == plan.title
        cost = card.select_one(".pb-card__cost")
        assert pictures(cost) == ["geld.svg"]
        assert cost.get_text(strip=True) == COSTS[plan.title]


def test_the_plan_cards_of_the_round_page_carry_the_same_pictures(client, voting_round):
    soup = BeautifulSoup(client.get(url("round", voting_round)).content.decode(), "html.parser")
    cards = soup.select(".pb-cards .pb-card")
    assert len(cards) == len(voting_round.plans)
    for card in cards:
        assert pictures(card.select_one("h3")) == ["plan.svg"]
        assert pictures(card.select_one("p.with-pictogram")) == ["geld.svg"]
