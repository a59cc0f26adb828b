"""The photo and PDF step and the accountability photo share the one upload limit of
common.ratelimit: over it, status 429, a Dutch explanation, nothing stored, the rest kept."""

import pytest
from django.urls import reverse

from initiatives.models import Accountability, Photo
from tests.common.uploads import REFUSED, allow_uploads, forbid_decoding, jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_uploads(monkeypatch):
    allow_uploads(monkeypatch, 2)


def test_photos_step_over_the_limit_keeps_the_invitation_and_stores_nothing(
    client, resident, initiative_factory, monkeypatch
):
    initiative = initiative_factory(initiator=resident)
    client.force_login(resident)
    url = reverse("initiatives:step", args=[initiative.pk, 4])
    for _ in range(2):  # under the limit: stored
        assert client.post(url, {"photo": jpeg(), "add": "1"}).status_code == 302
    assert initiative.photos.count() == 2
    forbid_decoding(monkeypatch, "initiatives.forms.steps")

    response = client.post(url, {"photo": jpeg(), "invite_email": "buur@example.org"})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and 'value="buur@example.org"' in html
    assert initiative.photos.count() == 2 and not initiative.co_initiators.exists()


def test_accountability_photo_over_the_limit_keeps_the_report(client, started, monkeypatch):
    initiative = started()
    allow_uploads(monkeypatch, 1)
    client.force_login(initiative.initiator)
    url = reverse("initiatives:accountability", args=[initiative.pk])
    data = {
        "verantwoording-what_happened": "Het was een feest.",
        "verantwoording-participants": "veel",
    }
    data |= {f"verantwoording-spent_{line.pk}": "100" for line in initiative.budget_lines.all()}
    first = client.post(url, {**data, "verantwoording-photo": jpeg()})
    assert first.status_code == 200 and "Vul een getal in." in first.content.decode()
    forbid_decoding(monkeypatch, "initiatives.forms.steps")
    data["verantwoording-participants"] = "35"

    response = client.post(url, {**data, "verantwoording-photo": jpeg()})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and "Het was een feest." in html
    assert not Accountability.objects.filter(initiative=initiative).exists()
    assert not initiative.photos.filter(kind=Photo.Kind.RESULT).exists()
