"""The photo and PDF step and the accountability photo share the one upload limit of
common.ratelimit: over it, status 429, a Dutch explanation, nothing stored, the rest kept."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from common import ratelimit
from initiatives.models import Accountability, Photo

pytestmark = pytest.mark.django_db

REFUSED = "Wacht 10 minuten en stuur ze dan opnieuw."


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(buffer, "JPEG")
    return SimpleUploadedFile("tuin.jpg", buffer.getvalue(), "image/jpeg")


@pytest.fixture
def two_uploads(monkeypatch):
    monkeypatch.setattr(ratelimit, "UPLOAD_LIMIT", (2, 600))


def no_decoding(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a photo over the limit was decoded")

    monkeypatch.setattr("initiatives.forms.steps.sanitise_image", refuse)


def test_photos_step_over_the_limit_keeps_the_invitation_and_stores_nothing(
    client, resident, initiative_factory, two_uploads, monkeypatch
):
    initiative = initiative_factory(initiator=resident)
    client.force_login(resident)
    url = reverse("initiatives:step", args=[initiative.pk, 4])
    for _ in range(2):  # under the limit: stored
        assert client.post(url, {"photo": jpeg(), "add": "1"}).status_code == 302
    assert initiative.photos.count() == 2
    no_decoding(monkeypatch)

    response = client.post(url, {"photo": jpeg(), "invite_email": "buur@example.org"})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and 'value="buur@example.org"' in html
    assert initiative.photos.count() == 2 and not initiative.co_initiators.exists()


def test_accountability_photo_over_the_limit_keeps_the_report(
    client, taken, wijk_broker, fund, monkeypatch
):
    from initiatives.services import initiative_grant, initiative_start

    initiative = taken()
    initiative_grant(
        initiative=initiative,
        actor=wijk_broker,
        amount_cents=50_000,
        conditions="",
        public_message="Ja",
    )
    initiative_start(initiative=initiative, actor=wijk_broker, public_message="Start maar")
    monkeypatch.setattr(ratelimit, "UPLOAD_LIMIT", (1, 600))
    client.force_login(initiative.initiator)
    url = reverse("initiatives:accountability", args=[initiative.pk])
    data = {
        "verantwoording-what_happened": "Het was een feest.",
        "verantwoording-participants": "veel",
    }
    data |= {f"verantwoording-spent_{line.pk}": "100" for line in initiative.budget_lines.all()}
    first = client.post(url, {**data, "verantwoording-photo": jpeg()})
    assert first.status_code == 200 and "Vul een getal in." in first.content.decode()
    no_decoding(monkeypatch)
    data["verantwoording-participants"] = "35"

    response = client.post(url, {**data, "verantwoording-photo": jpeg()})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and "Het was een feest." in html
    assert not Accountability.objects.filter(initiative=initiative).exists()
    assert not initiative.photos.filter(kind=Photo.Kind.RESULT).exists()
