"""A report entered at the participatiewinkel's desk or on the phone (meldingen/staff/desk.py):
made by the public form's service, with the resident's channel, language and consent; the
printed receipt with the follow link and its QR code; the follow link mailed in the resident's
language and never stored; the public figures per channel; and who may use the desk (both
ways)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from common.feedback.channel import Channel
from common.feedback.secrets import hash_secret
from common.notifications import Notification
from meldingen.figures import stats
from meldingen.models import Melding

pytestmark = pytest.mark.django_db

DESK = "/beheer/balie/"
NEW = "/beheer/balie/melding/"
QUEUE = "/beheer/meldingen/"


def entry(categories, **changes) -> dict:
    data = {
        "channel": "telefoon",
        "language": "tr",
        "category": categories["lantaarnpaal"].pk,
        "description": "De lamp bij de speeltuin is al een week kapot.",
        "postcode": "2532 AB",
        "huisnummer": "12",
        "email": "ayse@example.org",
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


def refused(response) -> bool:
    """Staff get Wagtail's refusal (back to the admin's home with a message); a resident the
    refusal page of the back office (accounts/middleware.py)."""
    if response.status_code == 302:
        return response["Location"] == "/beheer/"
    return response.status_code == 403


def follow_link(html: str) -> str:
    return re.search(r'class="zw-receipt-link">([^<]+)<', html).group(1)


def test_a_phone_report_for_a_turkish_resident_gives_a_receipt_and_a_mail(
    desk, categories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(NEW, entry(categories))
    assert response.status_code == 200
    melding = Melding.objects.get()
    assert melding.channel == Channel.TELEFOON
    assert melding.language == "tr"
    assert melding.reporter is None
    assert melding.reporter_email == "ayse@example.org"
    assert melding.reporter_phone == "06 12345678"
    assert melding.wijk.slug == "moerwijk"
    assert melding.category == categories["lantaarnpaal"]

    html = response.content.decode()
    assert '<html lang="tr" dir="ltr">' in html
    assert melding.reference in html
    assert "De lamp bij de speeltuin is al een week kapot." in html
    assert '<svg role="img"' in html and 'class="zw-qr"' in html  # the QR code, inline
    assert "no-store" in response["Cache-Control"]
    link = follow_link(html)
    assert f"/tr/melden/volg/{melding.reference}/" in link
    secret = link.rstrip("/").rsplit("/", 1)[1]
    # Only the hash is kept: the secret itself is nowhere in the database.
    assert melding.secret_hash == hash_secret(secret)
    assert not Melding.objects.filter(secret_hash=secret).exists()

    (message,) = mail.outbox
    assert message.to == ["ayse@example.org"]
    assert secret in message.body
    notification = Notification.objects.get(email="ayse@example.org")
    assert notification.language == "tr"
    assert secret not in str(notification.context) and notification.secret_context == {}

    # The resident's follow page opens with the link from the receipt.
    assert desk.get(link[link.index("/tr/") :]).status_code == 200


def test_the_mail_goes_out_in_the_language_chosen_at_the_desk(
    desk, categories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(NEW, entry(categories, language="en", channel="balie"))
    melding = Melding.objects.get()
    assert melding.channel == Channel.BALIE
    (message,) = mail.outbox
    assert message.subject == f"Your report {melding.reference} has been received"
    secret = follow_link(response.content.decode()).rstrip("/").rsplit("/", 1)[1]
    assert f"/melden/volg/{melding.reference}/{secret}/" in message.body
    html = response.content.decode()
    assert '<html lang="en"' in html


def test_without_consent_nothing_is_stored_and_the_form_keeps_what_was_typed(desk, categories):
    response = desk.post(NEW, entry(categories, consent=None))
    assert response.status_code == 200
    assert not Melding.objects.exists()
    html = response.content.decode()
    assert "Vraag de inwoner om toestemming en vink het vakje aan." in html
    assert "De lamp bij de speeltuin is al een week kapot." in html
    assert 'value="ayse@example.org"' in html
    assert 'value="06 12345678"' in html
    assert 'value="tr" selected' in html
    assert not mail.outbox


def test_a_resident_needs_an_email_or_phone_unless_the_report_is_sensitive(desk, categories):
    response = desk.post(NEW, entry(categories, email="", phone=""))
    assert "Vul een e-mailadres of telefoonnummer van de inwoner in." in response.content.decode()
    assert not Melding.objects.exists()

    sensitive = next(c for c in categories.values() if c.is_sensitive and c.parent_id)
    response = desk.post(
        NEW, entry(categories, email="", phone="", category=sensitive.pk, entry_token="t2")
    )
    melding = Melding.objects.get()
    assert melding.is_sensitive and melding.channel == Channel.TELEFOON
    assert melding.reference in response.content.decode()


def test_a_reload_of_the_sent_form_does_not_enter_the_report_twice(desk, categories):
    desk.post(NEW, entry(categories))
    again = desk.post(NEW, entry(categories))
    melding = Melding.objects.get()
    assert f"Dit formulier is al opgeslagen: {melding.reference}." in (again.content.decode())


def test_the_public_figures_count_the_report_under_telefoon(client, desk, categories):
    desk.post(NEW, entry(categories))
    desk.post(NEW, entry(categories, channel="balie", entry_token="t2"))
    counts = {row.channel: row.count for row in stats.by_channel(Melding.objects.public())}
    assert counts == {Channel.ONLINE: 0, Channel.BALIE: 1, Channel.TELEFOON: 1}

    client.logout()
    html = client.get(reverse("meldingen_public:overview")).content.decode()
    assert "Hoe is er gemeld?" in html
    row = re.search(r'scope="row">Telefoon</th>\s*<td class="utrecht-table__cell">(\d+)<', html)
    assert row and row.group(1) == "1"


def test_a_desk_employee_uses_the_desk_and_not_the_queue(
    desk, desk_employee, categories, melding_factory
):
    melding = melding_factory(category=categories["lantaarnpaal"])
    home = desk.get(DESK)
    assert home.status_code == 200
    assert NEW in home.content.decode()
    assert desk.get(NEW).status_code == 200
    assert refused(desk.get(QUEUE))
    assert refused(desk.get(f"{QUEUE}{melding.reference}/"))
    assert '"url": "/beheer/meldingen/"' not in home.content.decode()
    assert not desk_employee.has_perm("meldingen.handle_melding", melding)


@pytest.mark.parametrize("fixture", ["handler", "resident", "coordinator"])
def test_others_cannot_use_the_desk(client, request, fixture, categories):
    user = request.getfixturevalue(fixture)
    client.force_login(user)
    assert refused(client.get(DESK))
    assert refused(client.get(NEW))
    assert refused(client.post(NEW, entry(categories)))
    assert not Melding.objects.exists()


def test_a_handler_still_uses_the_queue(client, handler):
    client.force_login(handler)
    assert client.get(QUEUE).status_code == 200
    assert refused(client.get(DESK))


def test_the_desk_is_in_the_menu_only_for_desk_employees(client, desk, handler):
    assert '"url": "/beheer/balie/"' in desk.get("/beheer/").content.decode()
    client.force_login(handler)
    assert '"url": "/beheer/balie/"' not in client.get("/beheer/").content.decode()


def test_the_queue_shows_how_the_report_came_in(client, desk, coordinator, categories):
    desk.post(NEW, entry(categories))
    melding = Melding.objects.get()
    client.force_login(coordinator)
    html = client.get(f"{QUEUE}{melding.reference}/").content.decode()
    assert re.search(r"<dt>Gemeld via</dt><dd>telefoon</dd>", html)
