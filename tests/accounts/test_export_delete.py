import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts import exports
from accounts.models import User
from common.models import Notification
from common.notifications import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_residents(resident_factory, wijken):
    me = resident_factory(email="ik@example.org", display_name="Ayla", wijk=wijken["moerwijk"])
    other = resident_factory(email="buur@example.org", display_name="Buurman")
    notify(event="welcome", context={}, user=me)
    notify(event="welcome", context={}, user=other)
    return me, other


def test_export_holds_my_data_and_nobody_elses(client, two_residents):
    me, _other = two_residents
    client.force_login(me)
    response = client.post(reverse("accounts:export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-zuidwest-')
    data = json.loads(response.content)
    assert data["account"]["email"] == "ik@example.org"
    assert data["account"]["display_name"] == "Ayla"
    assert data["account"]["wijk"] == "Moerwijk"
    assert data["account"]["roles"] == ["bewoner"]
    assert [n["event"] for n in data["notifications"]] == ["welcome"]
    text = response.content.decode()
    assert "buur@example.org" not in text and "Buurman" not in text


def test_export_includes_what_apps_register(client, resident, monkeypatch):
    monkeypatch.setattr(exports, "_exporters", {"meldingen": lambda user: [{"ref": user.pk}]})
    client.force_login(resident)
    data = json.loads(client.post(reverse("accounts:export")).content)
    assert data["meldingen"] == [{"ref": resident.pk}]


def test_export_is_refused_to_anonymous_visitors_and_to_get(client, resident):
    response = client.post(reverse("accounts:export"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(resident)
    assert client.get(reverse("accounts:export")).status_code == 405


def test_deleting_needs_a_confirmation_and_keeps_the_account_otherwise(client, resident):
    client.force_login(resident)
    response = client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert "Zet een vinkje" in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


def test_deleting_erases_personal_data(client, two_residents, monkeypatch):
    me, other = two_residents
    anonymised = []
    monkeypatch.setattr(exports, "_erasers", {"meldingen": lambda user: anonymised.append(user.pk)})
    client.force_login(me)

    response = client.post(reverse("accounts:delete"), {"confirm": "on"})

    assert response.status_code == 302
    assert anonymised == [me.pk]  # apps anonymise public contributions before the row goes
    assert not User.objects.filter(email="ik@example.org").exists()
    assert not EmailAddress.objects.filter(email="ik@example.org").exists()
    assert not Notification.objects.filter(email="ik@example.org").exists()
    # the neighbour is untouched
    assert User.objects.filter(pk=other.pk).exists()
    assert Notification.objects.filter(user=other).count() == 1
    # and the session is over
    assert client.get(reverse("accounts:mijn")).status_code == 302
