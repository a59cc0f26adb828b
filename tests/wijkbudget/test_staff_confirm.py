"""Starting the next phase early and closing the vote cannot be undone: each has a page of its own
that says what will happen, and acts only with the confirmation ticked. Without JavaScript."""

import pytest
from django.urls import reverse

from participation.wijkbudget.factories import ago
from participation.wijkbudget.services import ballot_cast

pytestmark = pytest.mark.django_db


def ws(name, round):
    return reverse(f"wijkbudget_workspace:{name}", args=[round.pk])


def test_closing_shows_what_will_happen_and_needs_the_checkbox(
    client, voting_round, coordinator, resident_factory
):
    speeltuin = voting_round.plans[0]
    for _ in range(2):
        ballot_cast(round=voting_round, selection={speeltuin.pk: 1}, user=resident_factory())
    client.force_login(coordinator)
    html = client.get(ws("round", voting_round)).content.decode()
    assert f'href="{ws("close", voting_round)}"' in html  # a link to the page, not a form
    response = client.get(ws("close", voting_round))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er zijn 2 stembiljetten: 2 online en 0 op papier." in html
    assert "U sluit dus eerder dan gepland" in html  # the factory plans the end in 14 days
    assert "niet ongedaan" in html and 'name="sure"' in html
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None  # a GET changes nothing

    response = client.post(ws("close", voting_round), {})
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None and voting_round.result is None

    response = client.post(ws("close", voting_round), {"sure": "on"})
    assert response.status_code == 302
    voting_round.refresh_from_db()
    assert voting_round.closed_at is not None and voting_round.result is not None


def test_closing_after_the_planned_date_does_not_warn_about_it(client, voting_round, coordinator):
    voting_round.voting_ends_at = ago(1 / 24)
    voting_round.save()
    client.force_login(coordinator)
    html = client.get(ws("close", voting_round)).content.decode()
    assert "Er is 0 stembiljetten" not in html and "Er zijn 0 stembiljetten" in html
    assert "eerder dan gepland" not in html and "Het stemmen zou duren tot" in html


def test_starting_voting_early_says_the_planned_date_and_needs_the_checkbox(
    client, review_round, coordinator, proposal_factory
):
    from participation.wijkbudget.workflow import Feasibility

    proposal_factory(round=review_round, status=Feasibility.INGEDIEND, final_cost_cents=None)
    client.force_login(coordinator)
    html = client.get(ws("advance", review_round)).content.decode()
    assert "Nu beginnen: Stemmen" in html
    assert "eerder dan gepland" in html and "Gepland was" in html
    assert "1 voorstel is nog niet beoordeeld" in html
    assert client.post(ws("advance", review_round), {}).status_code == 400
    review_round.refresh_from_db()
    assert review_round.phase() == "haalbaarheid"
    client.post(ws("advance", review_round), {"sure": "on"})
    review_round.refresh_from_db()
    assert review_round.phase() == "stemmen"


@pytest.mark.parametrize("name", ["close", "advance"])
def test_other_staff_cannot_see_or_do_it(client, voting_round, broker, resident, name):
    for user in (broker, resident):
        client.force_login(user)
        assert client.get(ws(name, voting_round)).status_code in (302, 403)
        assert client.post(ws(name, voting_round), {"sure": "on"}).status_code in (302, 403)
    voting_round.refresh_from_db()
    assert voting_round.closed_at is None and voting_round.phase() == "stemmen"


def test_a_closed_round_has_no_close_button(client, voting_round, coordinator):
    from django.utils import timezone

    voting_round.closed_at = timezone.now()
    voting_round.save()
    client.force_login(coordinator)
    html = client.get(ws("close", voting_round)).content.decode()
    assert "al gesloten" in html and 'name="sure"' not in html
