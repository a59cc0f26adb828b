"""The resident reports in four steps (meldingen/views/report.py)."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meldingen.models import Melding
from tests.common.uploads import jpeg_with_gps
from tests.meldingen.views.steps import report

pytestmark = pytest.mark.django_db


def test_a_resident_without_account_reports_a_broken_lamp_with_a_photo(
    client, categories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = report(client, categories, photo=jpeg_with_gps())
    melding = Melding.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(f"/melden/volg/{melding.reference}/")
    assert melding.category == categories["lantaarnpaal"]
    assert melding.wijk.slug == "moerwijk"
    assert melding.address == "2532AB 12"

    photo = melding.photos.get()
    with photo.image.open("rb") as handle:
        stored = handle.read()
    assert b"Exif" not in stored and b"PhoneMaker" not in stored
    assert photo.thumbnail  # made by the background task

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Bewaar deze pagina" in html and melding.reference in html
    assert "Ontvangen" in html
    assert mail.outbox[0].to == ["bewoner@example.org"]
    # the secret link appears once more only as the page's own address
    assert client.get(response["Location"]).content.decode().count("Bewaar deze pagina") == 0


def test_the_search_finds_rats(client, categories):
    html = client.get(reverse("meldingen:index"), {"q": "ratten"}).content.decode()
    assert "Ratten of muizen op straat" in html
    assert "Lantaarnpaal" not in html


def test_a_postcode_outside_zuidwest_is_refused_and_the_house_number_kept(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    response = client.post(reverse("meldingen:where"), {"postcode": "2511 CV", "huisnummer": "70"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "ligt niet in Den Haag Zuidwest" in html
    assert 'value="70"' in html


def test_a_point_outside_zuidwest_is_refused(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    response = client.post(reverse("meldingen:where"), {"lat": "52.3676", "lon": "4.9041"})
    assert "ligt niet in Den Haag Zuidwest" in response.content.decode()


def test_a_text_file_named_jpg_is_refused_without_losing_the_draft(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "3"})
    fake = SimpleUploadedFile("foto.jpg", b"dit is geen foto", "image/jpeg")
    response = client.post(reverse("meldingen:photos"), {"photo_1": fake})
    assert response.status_code == 200
    assert "geen foto" in response.content.decode()
    # the next step still knows what and where
    assert client.get(reverse("meldingen:details")).status_code == 200


def test_an_empty_description_is_refused_and_the_email_kept(client, categories):
    response = report(client, categories, description="   ")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Beschrijf kort" in html
    assert 'value="bewoner@example.org"' in html
    assert not Melding.objects.exists()


def test_the_honeypot_is_hidden_and_a_bot_is_thanked_logged_and_ignored(
    client, categories, honeypot, django_capture_on_commit_callbacks
):
    from django.core import mail

    client.post(reverse("meldingen:index"), {"category": categories["lantaarnpaal"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "5"})
    honeypot.assert_hidden(client.get(reverse("meldingen:details")).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = report(client, categories, website="http://spam.example")
    assert response.status_code == 200
    assert "Bedankt voor uw melding" in response.content.decode()
    assert not Melding.objects.exists()
    assert mail.outbox == []
    honeypot.assert_logged("melding")


def test_anonymous_reports_are_rate_limited(client, categories, monkeypatch):
    from meldingen.views import report as views

    monkeypatch.setattr(views, "SUBMIT_LIMIT", (2, 3600))
    for _ in range(2):
        assert report(client, categories).status_code == 302
    response = report(client, categories)
    assert response.status_code == 200
    assert "veel meldingen achter elkaar" in response.content.decode()
    assert Melding.objects.count() == 2


def test_a_nearby_open_report_is_offered_and_supported(client, categories, melding_factory):
    existing = melding_factory(category=categories["ratten"], postcode="2532AB", lat=None, lon=None)
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "5"})
    html = client.get(reverse("meldingen:photos")).content.decode()
    assert "Is dit al gemeld?" in html
    response = client.post(
        reverse("meldingen:support", args=[existing.reference]), {"email": "buur@example.org"}
    )
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in response.content.decode()
    existing.refresh_from_db()
    assert existing.supporters == 0  # counts once the address is confirmed (test_support.py)
    assert Melding.objects.count() == 1  # no new report


def test_an_11_mb_photo_is_refused_with_a_clear_message(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "3"})
    big = SimpleUploadedFile(
        "groot.jpg", b"\xff\xd8\xff\xe0" + b"0" * (11 * 1024 * 1024), "image/jpeg"
    )
    response = client.post(reverse("meldingen:photos"), {"photo_1": big})
    assert response.status_code == 200
    assert "te groot" in response.content.decode()
