"""Sign-up and login by code with Django's test client (the browser test does it for real)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def code_from(message) -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def test_a_resident_logs_in_with_a_code_from_the_mail(client, resident):
    response = client.post(reverse("account_request_login_code"), {"email": resident.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [resident.email]
    # Plain Dutch with "u", like the rest of the platform (not the library's "je").
    assert "Uw code om in te loggen is:" in mail.outbox[0].body
    assert " je " not in mail.outbox[0].body

    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_from(mail.outbox[0])}
    )
    assert response.status_code == 302
    page = client.get(reverse("accounts:mijn"))
    assert page.status_code == 200
    assert "Mijn Zuidwest" in page.content.decode()


def test_a_wrong_code_is_refused(client, resident):
    client.post(reverse("account_request_login_code"), {"email": resident.email})
    response = client.post(reverse("account_confirm_login_code"), {"code": "XXXXXX"})
    assert response.status_code == 200
    assert client.get(reverse("accounts:mijn")).status_code == 302


def test_sign_up_with_only_an_email_makes_a_resident_and_welcomes_them(
    client, django_capture_on_commit_callbacks
):
    response = client.post(reverse("account_signup"), {"email": "nieuw@example.org"})
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["bewoner"]
    assert not user.has_usable_password()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_email_verification_sent"), {"code": code_from(mail.outbox[-1])}
        )
    assert response.status_code == 302
    assert mail.outbox[-1].subject == "Welkom bij Zuidwest"
    assert client.get(reverse("accounts:mijn")).status_code == 200


def test_the_mijn_page_needs_a_login(client):
    response = client.get(reverse("accounts:mijn"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_login_page_speaks_plain_dutch_with_u(client):
    page = client.get(reverse("account_login")).content.decode()
    assert "Heeft u nog geen account?" in page
    assert "Als je nog geen account hebt" not in page


def test_the_login_page_offers_one_way_in_and_it_sends_a_code(client, mailoutbox):
    from accounts.factories import UserFactory

    user = UserFactory(email="sanne@example.org")
    page = client.get(reverse("account_login")).content.decode()
    assert "zonder wachtwoord" in page
    assert reverse("account_request_login_code") not in page  # no second button doing the same
    response = client.post(reverse("account_login"), {"login": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_confirm_login_code")
    assert mailoutbox and mailoutbox[-1].to == [user.email]
