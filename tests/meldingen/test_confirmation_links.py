"""The one mechanism for confirming a typed email address (common.confirmation): signed links
that expire, a page that changes nothing until a button is pressed, clear Dutch errors for a
bad link, and a limit on how many confirmation mails one address can get."""

import pytest
from django.core import signing
from django.urls import reverse

from common.confirmation import (
    MAILS_PER_ADDRESS,
    SALT,
    confirmation_allowed,
    confirmation_token,
)
from meldingen.models import Subscription
from meldingen.services import SUPPORT_CONFIRMATION, melding_support

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(categories, melding_factory):
    melding = melding_factory(category=categories["ratten"])
    return melding_support(melding=melding, email="buur@example.org")


def test_opening_the_link_changes_nothing_until_a_button_is_pressed(client, pending):
    url = reverse(
        "common:confirm", args=[confirmation_token(SUPPORT_CONFIRMATION, pending.pk, pending.email)]
    )
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Iemand heeft uw e-mailadres ingevuld" in html and pending.melding.reference in html
    pending.refresh_from_db()
    assert pending.confirmed_at is None  # mail scanners open links too


def test_a_tampered_link_gives_a_dutch_page_not_an_error(client, pending):
    token = confirmation_token(SUPPORT_CONFIRMATION, pending.pk, pending.email)
    for bad in (token[:-2] + "xx", "zomaar-iets", token.replace(":", "", 1)):
        response = client.get(reverse("common:confirm", args=[bad]))
        assert response.status_code == 400
        assert "Deze link klopt niet" in response.content.decode()
        response = client.post(reverse("common:confirm", args=[bad]), {"antwoord": "ja"})
        assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.confirmed_at is None


def test_an_expired_link_says_so(client, pending, monkeypatch):
    from common import confirmation

    url = reverse(
        "common:confirm", args=[confirmation_token(SUPPORT_CONFIRMATION, pending.pk, pending.email)]
    )
    monkeypatch.setattr(confirmation, "MAX_AGE", -1)
    response = client.post(url, {"antwoord": "ja"})
    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    pending.refresh_from_db()
    assert pending.confirmed_at is None


def test_a_link_for_another_address_or_object_does_not_work(client, pending):
    for token in (
        confirmation_token(SUPPORT_CONFIRMATION, pending.pk, "ander@example.org"),
        confirmation_token(SUPPORT_CONFIRMATION, pending.pk + 1000, pending.email),
        confirmation_token("bestaat-niet", pending.pk, pending.email),
        # signed with our salt but not our shape
        signing.dumps({"p": pending.pk}, salt=SALT),
    ):
        response = client.post(reverse("common:confirm", args=[token]), {"antwoord": "ja"})
        assert response.status_code == 400
        assert "Wij kunnen niet meer vinden" in response.content.decode() or (
            "Deze link klopt niet" in response.content.decode()
        )
    assert Subscription.objects.get(pk=pending.pk).confirmed_at is None


def test_one_address_gets_only_a_few_confirmation_mails_an_hour(db):
    limit = MAILS_PER_ADDRESS[0]
    assert all(confirmation_allowed("doelwit@example.org") for _ in range(limit))
    assert not confirmation_allowed("Doelwit@Example.org ")  # same address, other spelling
    assert confirmation_allowed("iemand-anders@example.org")


def test_answering_links_is_rate_limited(client, pending, monkeypatch):
    from common import views

    monkeypatch.setattr(views, "CONFIRM_LIMIT", (1, 3600))
    url = reverse(
        "common:confirm", args=[confirmation_token(SUPPORT_CONFIRMATION, pending.pk, pending.email)]
    )
    assert client.post(url, {"antwoord": "ja"}).status_code == 200
    response = client.post(url, {"antwoord": "nee"})
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.content.decode()
    assert Subscription.objects.filter(pk=pending.pk).exists()
