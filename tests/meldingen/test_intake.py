"""The resident's side: reporting in four steps, following by secret link, answering."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meldingen.models import Melding, Photo
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.common.uploads import jpeg_with_gps

pytestmark = pytest.mark.django_db


def report(client, categories, *, slug="lantaarnpaal", photo=None, **details):
    assert (
        client.post(reverse("meldingen:index"), {"category": categories[slug].pk}).status_code
        == 302
    )
    response = client.post(reverse("meldingen:where"), {"postcode": "2532 AB", "huisnummer": "12"})
    assert response.status_code == 302, response.content.decode()[:2000]
    files = {"photo_1": SimpleUploadedFile("lamp.jpg", photo, "image/jpeg")} if photo else {}
    assert client.post(reverse("meldingen:photos"), files).status_code == 302
    data = {
        "description": "De lamp is kapot.",
        "email": "bewoner@example.org",
        "keep_informed": "on",
    }
    data.update(details)
    return client.post(reverse("meldingen:details"), data)


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


def test_a_secret_link_opens_one_report_only(client, melding_factory):
    from meldingen.factories import TEST_SECRET

    mine, other = melding_factory(), melding_factory()
    assert (
        client.get(reverse("meldingen:follow", args=[mine.reference, TEST_SECRET])).status_code
        == 200
    )
    assert (
        client.get(reverse("meldingen:follow", args=[mine.reference, "raden"])).status_code == 404
    )
    other.secret_hash = "0" * 64
    other.save()
    assert (
        client.get(reverse("meldingen:follow", args=[other.reference, TEST_SECRET])).status_code
        == 404
    )


def test_an_anonymous_sensitive_reporter_answers_a_question_by_secret_link(
    client, categories, user_factory, resident
):
    client.force_login(resident)  # even when logged in, no link to the account is kept
    response = report(client, categories, slug="drugshandel", email="", phone="")
    melding = Melding.objects.get()
    assert melding.reporter is None and melding.reporter_email == ""
    follow_url = response["Location"]
    client.logout()

    investigator = user_factory(role="ondermijning")
    melding_change_status(
        melding=melding,
        to=Status.REACTIE_GEVRAAGD,
        actor=investigator,
        public_message="Op welke tijden ziet u dit?",
    )
    page = client.get(follow_url).content.decode()
    assert "Op welke tijden ziet u dit?" in page
    response = client.post(follow_url, {"reply-text": "Elke avond rond tien uur."})
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.REACTIE_ONTVANGEN
    assert "Elke avond rond tien uur." in client.get(follow_url).content.decode()


def test_not_solved_on_the_status_page_puts_it_back(client, melding_factory, handler):
    from meldingen.factories import TEST_SECRET

    melding = melding_factory()
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    url = reverse("meldingen:follow", args=[melding.reference, TEST_SECRET])
    assert "Is het opgelost?" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "feedback-satisfied": "nee",
            "feedback-reason": "niet_opgelost",
            "feedback-text": "Nog donker",
        },
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.VERZOEK_TOT_HEROPENEN


def test_mijn_meldingen_lists_only_my_reports(client, categories, resident, resident_factory):
    client.force_login(resident)
    report(client, categories)
    neighbour = resident_factory()
    client.force_login(neighbour)
    report(client, categories, description="Ander probleem")
    client.force_login(resident)
    mine = Melding.objects.get(reporter=resident)
    html = client.get(reverse("accounts:mijn")).content.decode()
    assert mine.reference in html
    assert Melding.objects.get(reporter=neighbour).reference not in html
    assert client.get(reverse("meldingen:mine", args=[mine.reference])).status_code == 200
    other = Melding.objects.get(reporter=neighbour)
    assert client.get(reverse("meldingen:mine", args=[other.reference])).status_code == 404


def test_the_signed_in_reporters_own_page_hears_live_updates_without_a_secret(
    client, categories, resident
):
    client.force_login(resident)
    report(client, categories)
    mine = Melding.objects.get(reporter=resident)
    html = client.get(reverse("meldingen:mine", args=[mine.reference])).content.decode()
    assert f'data-live-socket="/ws/melding/{mine.reference}/"' in html


def test_reporter_photos_are_served_only_with_the_secret(client, categories):
    response = report(client, categories, photo=jpeg_with_gps())
    photo = Photo.objects.get()
    follow = response["Location"]
    assert client.get(f"{follow}foto/{photo.pk}/").status_code == 200
    bad = follow.rsplit("/", 2)[0] + "/raden/"
    assert client.get(f"{bad}foto/{photo.pk}/").status_code == 404


def test_not_solved_with_a_photo_keeps_the_photo(client, melding_factory, handler):
    from meldingen.factories import TEST_SECRET

    melding = melding_factory()
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    url = reverse("meldingen:follow", args=[melding.reference, TEST_SECRET])
    photo = SimpleUploadedFile("nog-kapot.jpg", jpeg_with_gps(), "image/jpeg")
    response = client.post(
        url, {"feedback-satisfied": "nee", "feedback-text": "Kijk maar", "feedback-photo": photo}
    )
    assert response.status_code == 302
    assert melding.photos.get().kind == Photo.Kind.FEEDBACK


def test_an_11_mb_photo_is_refused_with_a_clear_message(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["ratten"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": "3"})
    big = SimpleUploadedFile(
        "groot.jpg", b"\xff\xd8\xff\xe0" + b"0" * (11 * 1024 * 1024), "image/jpeg"
    )
    response = client.post(reverse("meldingen:photos"), {"photo_1": big})
    assert response.status_code == 200
    assert "te groot" in response.content.decode()
