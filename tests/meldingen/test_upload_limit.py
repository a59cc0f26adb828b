"""Photos cost a worker real memory and CPU to check, so one client may send only so many in a
while (common.ratelimit.upload_limited). Over the limit: status 429, a Dutch explanation, nothing
decoded, and what the resident already sent or typed stays."""

import pytest
from django.urls import reverse

from meldingen.models import DraftPhoto, Photo
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.common.uploads import REFUSED, allow_uploads, forbid_decoding, jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_uploads(monkeypatch):
    allow_uploads(monkeypatch, 2)


def at_photo_step(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "3"})


def test_photos_over_the_limit_are_refused_and_the_earlier_ones_kept(
    client, categories, monkeypatch
):
    at_photo_step(client, categories)
    photos = reverse("meldingen:photos")
    for _ in range(2):  # under the limit: accepted
        assert client.post(photos, {"photo_1": jpeg()}).status_code == 302
    assert DraftPhoto.objects.count() == 2
    forbid_decoding(monkeypatch, "meldingen.forms")

    response = client.post(photos, {"photo_1": jpeg()})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html
    assert "Foto 1" in html  # the step itself, with its form, not an error page
    assert DraftPhoto.objects.count() == 2
    # Without a new photo the resident simply goes on, with the draft intact.
    assert client.post(photos, {}).status_code == 302
    assert client.get(reverse("meldingen:details")).status_code == 200


def test_another_address_may_still_send_photos(client, categories):
    at_photo_step(client, categories)
    photos = reverse("meldingen:photos")
    for _ in range(2):
        client.post(photos, {"photo_1": jpeg()}, REMOTE_ADDR="192.0.2.1")
    assert client.post(photos, {"photo_1": jpeg()}, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(photos, {"photo_1": jpeg()}, REMOTE_ADDR="192.0.2.2").status_code == 302


def test_the_feedback_photo_shares_the_limit_and_keeps_the_text(
    client, categories, melding_factory, handler, monkeypatch
):
    from meldingen.factories import TEST_SECRET

    at_photo_step(client, categories)
    for _ in range(2):
        client.post(reverse("meldingen:photos"), {"photo_1": jpeg()})
    melding = melding_factory()
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    forbid_decoding(monkeypatch, "meldingen.forms")

    response = client.post(
        reverse("meldingen:follow", args=[melding.reference, TEST_SECRET]),
        {
            "feedback-satisfied": "nee",
            "feedback-text": "Nog steeds kapot",
            "feedback-photo": jpeg(),
        },
    )

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and "Nog steeds kapot" in html
    melding.refresh_from_db()
    assert melding.status == Status.AFGEHANDELD
    assert not melding.photos.filter(kind=Photo.Kind.FEEDBACK).exists()
