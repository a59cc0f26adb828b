"""A spoken description on the report form: typed or spoken (or both), checked by its content,
kept on refusal, heard only by the handlers who may see the report, and a warning on the
anonymous path (meldingen/views/report.py, meldingen/staff/views.py)."""

import os

import pytest
from django.conf import settings
from django.urls import reverse

from meldingen.models import DraftRecording, Melding, Recording
from tests.common.recordings import text_as_wav, wav_upload
from tests.meldingen.views.steps import report

pytestmark = pytest.mark.django_db

VOICE_WARNING = "Een opname van uw stem kan laten horen wie u bent."


def test_a_spoken_report_needs_no_typed_text(client, categories):
    response = report(client, categories, description="", recording=wav_upload(4))
    assert response.status_code == 302, response.content.decode()[:3000]
    melding = Melding.objects.get()
    assert melding.description == ""
    recording = Recording.objects.get(melding=melding)
    assert recording.seconds == pytest.approx(4)
    assert recording.audio.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    with recording.audio.open("rb") as handle:
        assert handle.read(4) == b"RIFF"
    assert not DraftRecording.objects.exists()


def test_typed_and_spoken_together(client, categories):
    report(client, categories, recording=wav_upload(2))
    melding = Melding.objects.get()
    assert melding.description == "De lamp is kapot."
    assert melding.recording.seconds == pytest.approx(2)


def test_neither_typed_nor_spoken_is_refused(client, categories):
    response = report(client, categories, description="  ")
    assert response.status_code == 200
    assert "Beschrijf kort wat er aan de hand is, of spreek het in." in response.content.decode()
    assert not Melding.objects.exists()


def test_a_recording_over_two_minutes_is_refused_and_the_rest_kept(client, categories):
    response = report(
        client, categories, description="Lamp stuk", phone="0612345678", recording=wav_upload(130)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "De opname is te lang: 2:10 minuten" in html
    assert "Lamp stuk" in html and 'value="0612345678"' in html
    assert 'value="bewoner@example.org"' in html
    assert not Melding.objects.exists() and not DraftRecording.objects.exists()


def test_a_text_file_named_wav_is_refused_and_the_rest_kept(client, categories):
    response = report(client, categories, description="Lamp stuk", recording=text_as_wav())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit bestand is geen geluidsopname." in html
    assert "Lamp stuk" in html and 'value="bewoner@example.org"' in html
    assert not Melding.objects.exists()


def test_a_good_recording_is_kept_when_the_email_has_a_typo(
    client, categories, django_capture_on_commit_callbacks
):
    response = report(
        client, categories, description="", email="bewoner@@example", recording=wav_upload(3)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit e-mailadres klopt niet" in html
    assert "Wij hebben uw opname van 0:03 minuten bewaard" in html
    assert DraftRecording.objects.count() == 1
    draft_path = DraftRecording.objects.get().audio.path

    # Sent again with the address put right, and no new file: the kept recording goes along.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meldingen:details"),
            {"description": "", "email": "bewoner@example.org", "keep_informed": "on"},
        )
    assert response.status_code == 302
    assert Melding.objects.get().recording.seconds == pytest.approx(3)
    assert not DraftRecording.objects.exists()
    assert not os.path.exists(draft_path)


def test_a_kept_recording_can_be_removed(client, categories):
    report(client, categories, description="", email="fout", recording=wav_upload(3))
    response = client.post(
        reverse("meldingen:details"),
        {"description": "", "email": "bewoner@example.org", "remove_recording": "on"},
    )
    assert response.status_code == 200
    assert "of spreek het in" in response.content.decode()
    assert not DraftRecording.objects.exists() and not Melding.objects.exists()


def test_the_anonymous_path_warns_that_a_voice_identifies_before_recording(client, categories):
    client.post(reverse("meldingen:index"), {"category": categories["drugshandel"].pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532 AB", "huisnummer": "12"})
    client.post(reverse("meldingen:photos"), {})
    html = client.get(reverse("meldingen:details")).content.decode()
    assert VOICE_WARNING in html
    assert html.index(VOICE_WARNING) < html.index('name="recording"')
    assert "aan uw stem kan iemand horen wie u bent" in html  # beside the control too
    assert "js/recorder.js" in html


def test_an_ordinary_report_offers_the_recorder_without_the_warning(client, categories):
    report(client, categories, description="", email="fout")
    html = client.get(reverse("meldingen:details")).content.decode()
    assert 'accept="audio/*"' in html and 'enctype="multipart/form-data"' in html
    assert VOICE_WARNING not in html


def test_only_handlers_who_may_see_the_report_hear_it(
    client, categories, handler_factory, resident
):
    report(client, categories, description="", recording=wav_upload(2))
    melding = Melding.objects.get()
    detail = reverse("meldingen_backoffice:detail", args=[melding.reference])
    url = reverse("meldingen_backoffice:recording", args=[melding.reference])
    client.logout()

    client.force_login(handler_factory(afdeling=melding.afdeling))
    html = client.get(detail).content.decode()
    assert f'<audio controls preload="metadata" src="{url}">' in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/x-wav"
    assert response.content.startswith(b"RIFF")

    client.force_login(handler_factory())  # a handler of another department
    assert client.get(url).status_code == 404
    client.force_login(resident)
    assert client.get(url).status_code == 403
    melding.reporter = resident
    melding.save(update_fields=["reporter"])
    assert client.get(url).status_code == 403  # not even the reporter, in the back office
    client.logout()
    assert client.get(url).status_code == 302  # to the login


def test_a_report_without_recording_has_nothing_to_play(client, categories, handler_factory):
    report(client, categories)
    melding = Melding.objects.get()
    client.force_login(handler_factory(afdeling=melding.afdeling))
    detail = client.get(reverse("meldingen_backoffice:detail", args=[melding.reference]))
    assert "<audio" not in detail.content.decode()
    url = reverse("meldingen_backoffice:recording", args=[melding.reference])
    assert client.get(url).status_code == 404
