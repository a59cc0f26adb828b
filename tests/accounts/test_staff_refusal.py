"""/beheer/ for the three kinds of visitor: a signed-in resident gets a refusal page (no redirect
loop), an anonymous visitor the login, staff the admin."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/beheer/", "/beheer/pages/", "/beheer/meldingen/"])
def test_a_signed_in_resident_gets_a_refusal_page_not_a_redirect(client, resident, path):
    client.force_login(resident)
    response = client.get(path)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang tot het beheer" in html
    assert resident.email in html
    assert f'href="{reverse("accounts:mijn")}"' in html
    assert 'href="/"' in html


def test_the_refusal_page_does_not_loop_through_the_login(client, resident):
    """What the browser did before: /beheer/ → login → back to /beheer/ → … Now it stops."""
    client.force_login(resident)
    response = client.get("/beheer/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == []


def test_the_refusal_page_is_in_english_under_english(client, resident):
    client.force_login(resident)
    client.cookies["django_language"] = "en"
    response = client.get("/beheer/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "No access to the back office" in response.content.decode()


def test_an_anonymous_visitor_is_still_sent_to_the_login(client):
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/beheer/"


@pytest.mark.parametrize("fixture", ["handler", "editor", "administrator"])
def test_staff_still_open_the_admin(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get("/beheer/").status_code == 200
