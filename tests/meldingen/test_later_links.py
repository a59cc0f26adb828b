"""Every mail about a report carries its own way back (issue 14, item 2): a status update and a
question reach a reporter without an account with a follow link of their own, made from the
stored digest (the first mail's secret is kept nowhere). The link opens the follow page and its
live updates; a forged one does not, nor one for another report."""

import re

import pytest
from django.core import mail

from common.feedback.secrets import hash_secret
from common.notifications import Notification
from meldingen.models import Melding
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def follow_path(body: str) -> str:
    return re.search(r"(/melden/volg/[^/\s]+/[^/\s]+/)", body).group(1)


@pytest.mark.parametrize(
    ("to", "words"),
    [(Status.INGEPLAND, "Volg uw melding"), (Status.REACTIE_GEVRAAGD, "Geef antwoord")],
)
def test_a_later_mail_carries_a_working_follow_link(
    client, categories, handler, django_capture_on_commit_callbacks, to, words
):
    melding, secret = new_report(categories)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding, to=to, actor=handler, public_message="Waar staat de container?"
        )
    (message,) = mail.outbox
    assert words in message.body
    assert "eerste e-mail" not in message.body
    path = follow_path(message.body)
    later = path.rstrip("/").rsplit("/", 1)[1]
    assert later != secret
    # Nothing of the link is stored: not in the database, not in the kept message.
    assert not Melding.objects.filter(secret_hash=hash_secret(later)).exists()
    kept = Notification.objects.get(event=message_event(to))
    assert later not in str(kept.context) and kept.secret_context == {}
    page = client.get(path)
    assert page.status_code == 200 and melding.reference in page.content.decode()
    forged = path.replace(later, later[:-1] + ("0" if later[-1] != "0" else "1"))
    assert client.get(forged).status_code == 404
    other, _ = new_report(categories)
    assert client.get(path.replace(melding.reference, other.reference)).status_code == 404


def message_event(to) -> str:
    return "melding_question" if to == Status.REACTIE_GEVRAAGD else "melding_status"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_later_link_also_opens_the_live_updates(categories, handler):
    from asgiref.sync import async_to_sync

    from tests.meldingen.test_consumers import connect

    melding, secret = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.INGEPLAND, actor=handler, public_message="Donderdag."
    )
    later = follow_path(mail.outbox[-1].body).rstrip("/").rsplit("/", 1)[1]

    async def scenario(token):
        communicator, connected, _code = await connect(f"/ws/melding/{melding.reference}/{token}/")
        await communicator.disconnect()
        return connected

    assert async_to_sync(scenario)(later)
    assert async_to_sync(scenario)(secret)
    assert not async_to_sync(scenario)(later[:-1] + ("0" if later[-1] != "0" else "1"))


def test_the_follow_page_mails_its_link_and_keeps_no_tie_to_the_address(
    client, categories, django_capture_on_commit_callbacks
):
    sensitive = next(c for c in categories.values() if c.is_sensitive and c.parent_id)
    melding, secret = new_report(categories, slug=sensitive.slug, email="")
    path = f"/melden/volg/{melding.reference}/{secret}/"
    page = client.get(path).content.decode()
    assert "Stuur de link naar uw e-mail" in page and 'id="follow-link"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(path, {"link-email": "anoniem@example.org"})
    assert sent.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["anoniem@example.org"] and melding.reference in message.subject
    assert client.get(follow_path(message.body)).status_code == 200
    melding.refresh_from_db()
    assert melding.reporter_email == ""  # the address is not put on the report
    kept = Notification.objects.get(event="melding_link")
    assert melding.reference not in str(kept.context) and kept.secret_context == {}


def test_a_missing_or_wrong_address_is_refused_with_a_specific_message(client, categories):
    melding, secret = new_report(categories)
    path = f"/melden/volg/{melding.reference}/{secret}/"
    empty = client.post(path, {"link-email": ""}).content.decode()
    assert "Vul uw e-mailadres in. Dan sturen wij de link." in empty
    wrong = client.post(path, {"link-email": "geen-adres"}).content.decode()
    assert 'value="geen-adres"' in wrong
    assert not Notification.objects.filter(event="melding_link").exists()


def test_the_link_form_is_rate_limited_per_client(client, categories, settings):
    melding, secret = new_report(categories)
    path = f"/melden/volg/{melding.reference}/{secret}/"
    for _ in range(5):
        assert client.post(path, {"link-email": "a@example.org"}).status_code == 302
    assert client.post(path, {"link-email": "a@example.org"}).status_code == 429
    assert Notification.objects.filter(event="melding_link").count() == 5
