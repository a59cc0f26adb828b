"""Flash messages ("De uitnodiging is verstuurd naar …") are kept on the server, not in a
cookie: a cookie travels on every request and sits in the browser, and these texts may name an
e-mail address. Every Set-Cookie of the flow is decoded to check."""

import contextlib

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.core import signing
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


def decoded_cookies(*responses) -> str:
    """Everything the responses asked the browser to store, signed cookies opened."""
    storage = CookieStorage(RequestFactory().get("/"))
    seen = []
    for response in responses:
        for morsel in response.cookies.values():
            seen.append(f"{morsel.key}={morsel.value}")
            opened = storage._decode(morsel.value)
            if opened:
                seen.extend(str(message) for message in opened)
            with contextlib.suppress(signing.BadSignature):
                seen.append(str(signing.loads(morsel.value)))
    return "\n".join(seen)


def test_an_invitation_message_names_the_address_on_the_page_but_in_no_cookie(
    client, resident, django_capture_on_commit_callbacks
):
    from initiatives.factories import InitiativeFactory

    initiative = InitiativeFactory(initiator=resident)
    client.force_login(resident)
    url = reverse("initiatives:step", args=[initiative.pk, 4])
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(url, {"invite_email": "buurvrouw@example.org"})
    assert posted.status_code == 302
    shown = client.get(posted["Location"])
    assert "De uitnodiging is verstuurd naar buurvrouw@example.org." in shown.content.decode()
    assert "buurvrouw@example.org" not in decoded_cookies(posted, shown)


def test_a_login_code_request_keeps_the_address_out_of_cookies(client, resident):
    posted = client.post(reverse("account_request_login_code"), {"email": resident.email})
    assert posted.status_code == 302
    shown = client.get(posted["Location"])
    assert resident.email not in decoded_cookies(posted, shown)
