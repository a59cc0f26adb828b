"""One status and one message for several reports ticked in the queue: each through the same
service as a single change, the refused ones listed with their reason."""

import pytest
from django.contrib.messages import get_messages

from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/meldingen/"
BULK = "/beheer/meldingen/status/"


def bulk(client, references, to=Status.INGEPLAND, message="Volgende week komt de ploeg.", query=""):
    return client.post(
        BULK + query,
        {"bulk-meldingen": references, "bulk-to": to, "bulk-public_message": message},
    )


def test_the_queue_has_a_checkbox_per_report_and_one_form(
    client, handler_a, melding_factory, category_a
):
    melding = melding_factory(category=category_a)
    client.force_login(handler_a)
    html = client.get(QUEUE).content.decode()
    assert f'name="bulk-meldingen" value="{melding.reference}"' in html
    assert f'<label for="kies-{melding.reference}"' in html
    assert "Status van de gekozen meldingen wijzigen" in html


def test_each_chosen_report_changes_and_hears_the_one_message(
    client, handler_a, melding_factory, category_a
):
    first, second = melding_factory.create_batch(2, category=category_a)
    untouched = melding_factory(category=category_a)
    client.force_login(handler_a)
    response = bulk(client, [first.reference, second.reference], query="?status=gemeld")
    assert response.status_code == 302
    assert response["Location"] == QUEUE + "?status=gemeld"
    for melding in (first, second):
        melding.refresh_from_db()
        assert melding.status == Status.INGEPLAND
        assert melding.history.last().public_message == "Volgende week komt de ploeg."
        assert melding.history.last().actor == handler_a
    untouched.refresh_from_db()
    assert untouched.status == Status.GEMELD


def test_refused_reports_are_listed_and_the_rest_changed(
    client, handler_a, melding_factory, category_a, category_factory
):
    fine = melding_factory(category=category_a)
    closed = melding_factory(category=category_a, status=Status.AFGEHANDELD)
    elsewhere = melding_factory(category=category_factory())  # another afdeling's
    client.force_login(handler_a)
    response = bulk(client, [fine.reference, closed.reference, elsewhere.reference])
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(fine.reference in t and "Ingepland" in t for t in texts)
    assert any(t.startswith(f"{closed.reference} is niet gewijzigd:") for t in texts)
    assert any(
        t.startswith(f"{elsewhere.reference} is niet gewijzigd: Deze melding is niet gevonden")
        for t in texts
    )
    fine.refresh_from_db()
    closed.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (fine.status, closed.status, elsewhere.status) == (
        Status.INGEPLAND,
        Status.AFGEHANDELD,
        Status.GEMELD,
    )


def test_without_a_choice_or_a_message_the_queue_says_so_and_keeps_what_was_typed(
    client, handler_a, melding_factory, category_a
):
    melding = melding_factory(category=category_a)
    client.force_login(handler_a)
    response = bulk(client, [], message="Mijn bericht")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies eerst een of meer meldingen in de lijst." in html
    assert "Mijn bericht" in html
    response = bulk(client, [melding.reference], message="  ")
    html = response.content.decode()
    assert "Schrijf een bericht aan de melders" in html
    assert f'value="{melding.reference}" id="kies-{melding.reference}" checked' in html
    melding.refresh_from_db()
    assert melding.status == Status.GEMELD


def test_moves_that_need_something_per_report_are_not_offered(client, handler_a):
    client.force_login(handler_a)
    html = client.get(QUEUE).content.decode()
    form = html[html.index('name="bulk-to"') :]
    form = form[: form.index("</select>")]
    assert 'value="doorgezet"' not in form and 'value="samengevoegd"' not in form
    assert 'value="ingepland"' in form


def test_a_resident_cannot_change_anything(client, resident, melding_factory, category_a):
    melding = melding_factory(category=category_a)
    client.force_login(resident)
    assert bulk(client, [melding.reference]).status_code == 403
    melding.refresh_from_db()
    assert melding.status == Status.GEMELD
