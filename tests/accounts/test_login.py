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


@pytest.fixture
def superuser_with_password(user_factory):
    """An account that still has a password (made by createsuperuser, or by an older demo)."""
    user = user_factory(email="super@zuidwest.example", is_superuser=True, is_staff=True)
    user.set_password("het-juiste-wachtwoord")
    user.save()
    return user


def guess_passwords(client, url: str, field: str, email: str) -> list:
    """40 wrong passwords in a row, then the right one; the responses."""
    wrong = [client.post(url, {field: email, "password": f"fout-{n}"}) for n in range(40)]
    return [*wrong, client.post(url, {field: email, "password": "het-juiste-wachtwoord"})]


def test_the_wagtail_password_login_is_no_way_in(client, superuser_with_password):
    responses = guess_passwords(client, "/beheer/login/", "username", superuser_with_password.email)
    assert all(r.status_code == 302 for r in responses)
    assert responses[-1]["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/").status_code == 302


def test_the_wagtail_login_sends_staff_to_the_code_login(client):
    response = client.get("/beheer/login/?next=/beheer/pages/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/beheer/pages/"


def test_the_allauth_login_takes_no_password_and_limits_attempts(client, superuser_with_password):
    responses = guess_passwords(client, reverse("account_login"), "login", "super@zuidwest.example")
    assert responses[-1].status_code == 429  # rate-limited, like every login attempt
    assert "_auth_user_id" not in client.session
    assert client.get("/beheer/").status_code == 302


def test_no_password_reset_in_the_admin(client, administrator):
    assert client.get("/beheer/password_reset/").status_code == 404
    client.force_login(administrator)
    assert client.get("/beheer/password_reset/").status_code == 404


def test_the_admin_account_page_sets_no_password_and_no_unconfirmed_address(
    client, superuser_with_password
):
    """A password set there would be a second way in; an address set there would skip the
    confirmation that allauth asks for (and the login code would go to it)."""
    client.force_login(superuser_with_password)
    page = client.get("/beheer/account/").content.decode()
    assert 'name="password-new_password1"' not in page
    assert 'name="name_email-email"' not in page
