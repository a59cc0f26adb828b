"""A reaction to a consultation entered at the participatiewinkel's desk or on the phone
(participation/inspraak/staff/desk.py): made by the public form's service with the resident's
channel and language, the confirmation mail in that language, a receipt in it; and who may use
it (both ways)."""

import pytest
from django.core import mail
from django.utils import translation

from common.feedback.channel import Channel
from common.notifications import Notification
from participation.inspraak.models import Contribution

pytestmark = pytest.mark.django_db

NEW = "/beheer/balie/reactie/"


@pytest.fixture
def process(published_process_factory):
    return published_process_factory(title="Een nieuw plein aan de Erasmusweg")


def entry(process, **changes) -> dict:
    data = {
        "channel": "balie",
        "language": "en",
        "process": process.pk,
        "text": "Graag meer bankjes en schaduw.",
        "name": "",
        "email": "piotr@example.org",
        "consent": "on",
        "entry_token": "reactie-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_reaction_at_the_desk_is_kept_with_its_channel_and_the_mail_in_its_language(
    client, desk_employee, process, django_capture_on_commit_callbacks
):
    client.force_login(desk_employee)
    assert f'href="{NEW}"' in client.get("/beheer/balie/").content.decode()
    assert process.title in client.get(NEW).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(NEW, entry(process))
    contribution = Contribution.objects.get()
    assert contribution.channel == Channel.BALIE
    assert contribution.language == "en"
    assert contribution.process == process and contribution.name == ""
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Graag meer bankjes en schaduw." in html and process.title in html
    with translation.override("en"):
        assert f"{process.get_absolute_url()}</p>" in html  # the page of the follow-up report
    (message,) = mail.outbox
    assert message.to == ["piotr@example.org"]
    assert Notification.objects.get(email="piotr@example.org").language == "en"


def test_without_consent_the_reaction_is_not_kept_and_the_text_stays(
    client, desk_employee, process
):
    client.force_login(desk_employee)
    response = client.post(NEW, entry(process, consent=None))
    html = response.content.decode()
    assert "Vraag de inwoner om toestemming en vink het vakje aan." in html
    assert "Graag meer bankjes en schaduw." in html
    assert not Contribution.objects.exists()


def test_a_closed_process_cannot_be_chosen(client, desk_employee, process_factory):
    closed = process_factory(title="Nog niet gepubliceerd")
    client.force_login(desk_employee)
    response = client.post(NEW, entry(closed))
    assert "Nog niet gepubliceerd" not in response.content.decode()
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("fixture", ["handler", "coordinator", "resident"])
def test_others_cannot_enter_a_reaction_for_a_resident(client, request, fixture, process):
    client.force_login(request.getfixturevalue(fixture))
    response = client.post(NEW, entry(process))
    assert response.status_code == 403 or response["Location"] == "/beheer/"
    assert not Contribution.objects.exists()
