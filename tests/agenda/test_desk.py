"""A sign-up for an activity entered at the participatiewinkel's desk or on the phone
(participation/agenda/staff/desk.py): made by the public form's service with the resident's
channel and language, the mail with the cancel link in that language, the link on the receipt
once and only its hash stored; and who may use it (both ways)."""

import re

import pytest
from django.core import mail

from common.feedback.channel import Channel
from common.feedback.secrets import hash_secret
from participation.agenda.factories import ActivityFactory
from participation.agenda.models import Registration

pytestmark = pytest.mark.django_db

NEW = "/beheer/balie/aanmelding/"


@pytest.fixture
def activity(moerwijk):
    return ActivityFactory(wijk=moerwijk, title="Ontwerpsessie speeltuin", capacity=1)


def entry(activity, **changes) -> dict:
    data = {
        "channel": "telefoon",
        "language": "en",
        "activity": activity.pk,
        "name": "Ivan Petrov",
        "email": "ivan@example.org",
        "phone": "",
        "consent": "on",
        "entry_token": "aanmelding-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_phone_sign_up_gets_a_place_a_receipt_and_a_mail_in_its_language(
    client, desk_employee, activity, django_capture_on_commit_callbacks
):
    client.force_login(desk_employee)
    assert "Ontwerpsessie speeltuin" in client.get(NEW).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, entry(activity))
    registration = Registration.objects.get()
    assert registration.channel == Channel.TELEFOON and registration.language == "en"
    assert registration.status == "bevestigd"
    html = response.content.decode()
    assert '<html lang="en"' in html and 'class="zw-qr"' in html
    link = re.search(r'class="zw-receipt-link">([^<]+)<', html).group(1)
    secret = link.rstrip("/").rsplit("/", 1)[1]
    assert "/en/agenda/aanmelding/" in link
    assert registration.cancel_token_hash == hash_secret(secret)
    (message,) = mail.outbox
    assert message.to == ["ivan@example.org"]
    assert secret in message.body


def test_the_second_resident_goes_on_the_waiting_list(client, desk_employee, activity):
    client.force_login(desk_employee)
    client.post(NEW, entry(activity))
    response = client.post(
        NEW, entry(activity, name="Ola", email="", phone="06 1234 5678", entry_token="2")
    )
    assert Registration.objects.get(name="Ola").status == "wachtlijst"
    assert '<html lang="en"' in response.content.decode()


def test_a_name_and_consent_are_needed_and_the_rest_is_kept(client, desk_employee, activity):
    client.force_login(desk_employee)
    response = client.post(NEW, entry(activity, name="", consent=None))
    html = response.content.decode()
    assert "Vul de naam van de inwoner in." in html
    assert "Vraag de inwoner om toestemming en vink het vakje aan." in html
    assert 'value="ivan@example.org"' in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize("fixture", ["handler", "editor", "resident"])
def test_others_cannot_sign_a_resident_up(client, request, fixture, activity):
    client.force_login(request.getfixturevalue(fixture))
    response = client.post(NEW, entry(activity))
    assert response.status_code == 403 or response["Location"] == "/beheer/"
    assert not Registration.objects.exists()
