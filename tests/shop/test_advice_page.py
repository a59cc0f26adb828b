"""Advies op maat at /participatiewinkel/advies/: the questionnaire, the ranked advice with its
reasons, and the shareable link that shows the same advice to anyone."""

import re

import pytest
from django.test import Client

from shop.methods.advice import rank

from .method_examples import CONSULT_ELDERLY
from .test_methods_support import add_method, build_databank

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank(db):
    return build_databank()


URL = "/participatiewinkel/advies/"
ANSWERS = {
    "doel": "mening",
    "wie": ["ouderen"],
    "invloed": "raadplegen",
    "tijd": "middel",
    "budget": "laag",
    "aantal": "groep",
    "vorm": "beide",
    "taal": ["laaggeletterd"],
}


def ranking(response) -> list[tuple[str, list[str]]]:
    """(method title, [reasons and caveats]) in the order shown."""
    html = response.content.decode()
    items = re.findall(
        r'<li class="advice-item">(.*?)</li>\s*(?=<li class="advice-item">|</ol>)', html, re.S
    )
    result = []
    for item in items:
        title = re.search(r'<a class="utrecht-link" href="[^"]+">([^<]+)</a>', item).group(1)
        notes = re.findall(r'<li class="note note--([a-z_]+)">', item)
        result.append((title, notes))
    return result


def test_the_questionnaire_asks_eight_questions_and_shows_no_advice_yet(client, databank):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<legend class="utrecht-form-fieldset__legend">') == 8
    assert "Deze methoden passen het best" not in html
    assert 'method="get"' in html  # answers go in the link, no account or cookie needed
    assert 'href="/participatiewinkel/advies/vraag/"' in html


def test_answers_give_methods_ranked_by_fit_with_reasons_and_caveats(client, databank):
    response = client.get(URL, ANSWERS)
    assert response.status_code == 200
    shown = ranking(response)
    assert shown == [
        (
            "Buurtgesprek",
            ["goal", "influence", "audience", "time", "budget", "reach", "literacy"],
        ),
        (
            "Online peiling",
            [
                "goal",
                "influence",
                "time",
                "budget",
                "audience_missing",
                "reach_large",
                "literacy_hard",
            ],
        ),
        (
            "Wijkbudget",
            [
                "audience",
                "influence_higher",
                "time_short",
                "budget_short",
                "reach_large",
                "literacy_adapt",
            ],
        ),
    ]
    html = response.content.decode()
    assert "Helpt bij uw doel: weten wat mensen ergens van vinden." in html
    assert "Vraagt veel lezen of schrijven." in html
    # The page agrees with the pure scoring on the same facts.
    facts = [page.facts() for page in databank.methods.values()]
    expected = rank(
        facts,
        CONSULT_ELDERLY,
    )
    titles = {page.slug: page.title for page in databank.methods.values()}
    assert [title for title, _notes in shown] == [titles[a.key] for a in expected]


def test_the_shareable_link_reproduces_the_advice_for_someone_else(client, databank):
    first = client.get(URL, ANSWERS)
    share_url = (
        re.search(r'id="share-url" type="url" value="([^"]+)"', first.content.decode())
        .group(1)
        .replace("&amp;", "&")
    )
    assert share_url.startswith("http://testserver/participatiewinkel/advies/?")
    for name in ("doel=mening", "wie=ouderen", "invloed=raadplegen", "taal=laaggeletterd"):
        assert name in share_url
    stranger = Client()  # no session, no account
    again = stranger.get(share_url.removeprefix("http://testserver"))
    assert again.status_code == 200
    assert ranking(again) == ranking(first)
    # The ticked answers are kept in the form below the advice.
    assert re.search(r'name="doel" value="mening"[^>]*checked', again.content.decode())


def test_missing_answers_are_pointed_out_and_the_given_ones_are_kept(client, databank):
    response = client.get(URL, {"doel": "plan", "wie": ["jeugd", "ouders"], "budget": "duur"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze methoden passen het best" not in html
    assert "Er ging iets mis" in html
    assert html.count("utrecht-form-field--invalid") == 4  # invloed, tijd, budget, aantal
    assert re.search(r'name="doel" value="plan"[^>]*checked', html)
    assert re.search(r'name="wie" value="jeugd"[^>]*checked', html)
    assert re.search(r'name="wie" value="ouders"[^>]*checked', html)
    assert 'aria-invalid="true"' in html or "aria-describedby" in html


def test_more_methods_do_not_cost_more_queries(client, databank, django_assert_max_num_queries):
    client.get(URL, ANSWERS)
    with django_assert_max_num_queries(50) as before:
        client.get(URL, ANSWERS)
    for n in range(10):
        add_method(databank.index, f"extra-{n}", title=f"Extra {n}", audiences=["ouderen"])
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get(URL, ANSWERS)
    assert len(ranking(response)) == 5  # the five best; the databank has the rest
