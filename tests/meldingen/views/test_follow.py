"""The reporter follows a report by its secret link or account, answers, and says whether it
was solved (meldingen/views/follow.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meldingen.models import Melding, Photo
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.common.uploads import jpeg_with_gps
from tests.meldingen.views.steps import report

pytestmark = pytest.mark.django_db


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
