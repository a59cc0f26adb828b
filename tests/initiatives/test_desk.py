"""An initiative entered at the participatiewinkel's desk or on the phone (initiatives/staff/
desk.py): sent in at once for a resident without an account, with the channel, language and
contact; the printed receipt and the mail carry the link that puts the initiative in the
resident's account; the broker hears of it and sees the phone number; and who may use the desk
form (both ways)."""

import re

import pytest
from django.core import mail

from common.feedback.channel import Channel
from initiatives.models import CoInitiator, Initiative
from initiatives.workflow import Status

pytestmark = pytest.mark.django_db

NEW = "/beheer/balie/initiatief/"


def entry(wijk, **changes) -> dict:
    data = {
        "channel": "balie",
        "language": "pl",
        "title": "Moestuin achter de flat",
        "what_why": "Wij willen samen groente kweken op het grasveld.",
        "for_whom": "De buren van de flat",
        "theme": "groen_en_schoon",
        "wijk": wijk.pk,
        "place": "Grasveld aan de Zuidlarenstraat",
        "when_text": "Vanaf april, elke zaterdag",
        "help_needed": ["geld", "vrijwilligers"],
        "help_notes": "",
        "line_description": "Zaden en gereedschap",
        "line_amount": "250",
        "email": "Ola@Example.org",
        "phone": "06 12345678",
        "consent": "on",
        "entry_token": "token-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def desk(client, desk_employee):
    client.force_login(desk_employee)
    return client


def receipt_link(html: str) -> str:
    return re.search(r'class="zw-receipt-link">([^<]+)<', html).group(1)


def test_a_desk_initiative_is_sent_in_with_a_receipt_and_a_mail_in_polish(
    desk, moerwijk, wijk_broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(NEW, entry(moerwijk))
    assert response.status_code == 200
    initiative = Initiative.objects.get()
    assert initiative.status == Status.INGEDIEND and initiative.reference
    assert initiative.initiator is None
    assert (initiative.channel, initiative.language) == (Channel.BALIE, "pl")
    assert initiative.contact_phone == "06 12345678"
    assert [(line.description, line.amount_cents) for line in initiative.budget_lines.all()] == [
        ("Zaden en gereedschap", 25_000)
    ]
    assert initiative.first_response_deadline is not None

    html = response.content.decode()
    assert '<html lang="pl" dir="ltr">' in html
    assert initiative.reference in html and 'class="zw-qr"' in html
    assert "no-store" in response["Cache-Control"]
    link = receipt_link(html)
    assert "/pl/initiatieven/uitnodiging/" in link
    secret = link.rstrip("/").rsplit("/", 1)[1]
    assert not CoInitiator.objects.filter(token_hash=secret).exists()  # only its hash is kept

    to_resident = next(m for m in mail.outbox if m.to == ["ola@example.org"])
    assert initiative.reference in to_resident.subject
    assert secret in to_resident.body
    assert "Ingediend" not in to_resident.body  # Polish, not Dutch
    assert any(m.to == [wijk_broker.email] for m in mail.outbox)  # the broker of the wijk


def test_the_resident_puts_it_in_their_account_with_the_link(
    desk, client, moerwijk, resident, django_capture_on_commit_callbacks
):
    response = desk.post(NEW, entry(moerwijk, email=""))
    initiative = Initiative.objects.get()
    link = receipt_link(response.content.decode())
    path = link[link.index("/pl/") :]

    client.force_login(resident)
    page = client.get("/" + path[len("/pl/") :])  # the same link in Dutch
    assert "Zet het in mijn account" in page.content.decode()
    answer = client.post(path)
    assert answer.status_code == 302
    initiative.refresh_from_db()
    assert initiative.initiator == resident
    assert client.get(f"/initiatieven/mijn/{initiative.pk}/").status_code == 200
    # The link works once: it is gone now.
    assert not CoInitiator.objects.filter(initiative=initiative).exists()
    assert client.post(path).status_code == 400


def test_a_plan_without_a_way_to_reach_the_resident_is_not_stored(desk, moerwijk):
    response = desk.post(NEW, entry(moerwijk, email="", phone=""))
    html = response.content.decode()
    assert "Vul een e-mailadres of telefoonnummer van de inwoner in." in html
    assert "Wij willen samen groente kweken op het grasveld." in html  # what was typed stays
    assert not Initiative.objects.exists()


def test_money_without_what_for_is_refused_with_the_rest_kept(desk, moerwijk):
    response = desk.post(NEW, entry(moerwijk, line_description="", line_amount="250"))
    html = response.content.decode()
    assert "Schrijf waarvoor dit bedrag is." in html
    assert 'value="Moestuin achter de flat"' in html
    assert not Initiative.objects.exists()


def test_a_reload_of_the_sent_form_does_not_enter_it_twice(desk, moerwijk):
    desk.post(NEW, entry(moerwijk))
    again = desk.post(NEW, entry(moerwijk))
    initiative = Initiative.objects.get()
    assert f"Dit formulier is al opgeslagen: {initiative.reference}." in again.content.decode()


def test_the_broker_sees_the_channel_and_the_phone_number(client, desk, moerwijk, wijk_broker):
    desk.post(NEW, entry(moerwijk, channel="telefoon"))
    initiative = Initiative.objects.get()
    client.force_login(wijk_broker)
    html = client.get(f"/beheer/initiatieven/{initiative.reference}/").content.decode()
    assert "06 12345678" in html
    assert "telefoon" in html.lower()


def test_the_desk_lists_the_initiative_form_for_a_desk_employee(desk):
    assert NEW in desk.get("/beheer/balie/").content.decode()
    assert desk.get(NEW).status_code == 200


@pytest.mark.parametrize("fixture", ["broker", "resident", "coordinator"])
def test_others_cannot_use_the_desk_form(client, request, fixture, moerwijk):
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    response = client.post(NEW, entry(moerwijk))
    assert response.status_code in (302, 403)
    assert not Initiative.objects.exists()


def test_the_phone_number_goes_with_the_account_that_claimed_it(desk, client, moerwijk, resident):
    from initiatives.account import erase_user_initiatives

    response = desk.post(NEW, entry(moerwijk))
    link = receipt_link(response.content.decode())
    client.force_login(resident)
    client.post(link[link.index("/pl/") :])
    erase_user_initiatives(resident)
    initiative = Initiative.objects.get()
    assert initiative.initiator is None and initiative.contact_phone == ""
    assert initiative.status == Status.INGEDIEND  # a submitted initiative stays
