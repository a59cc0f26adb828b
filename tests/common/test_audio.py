"""Spoken descriptions are judged by their content (common.audio), and stored, served and
erased like the photos (common.feedback.recordings, through a module's model)."""

import io
import os

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from common.audio import RecordingField, check_audio
from tests.common.recordings import info_chunk, text_as_wav, wav_bytes, wav_upload


def test_a_real_wav_is_accepted_with_its_exact_length():
    checked = check_audio(wav_upload(3.5))
    assert checked.extension == "wav" and checked.content_type == "audio/x-wav"
    assert checked.seconds == pytest.approx(3.5)


def test_only_the_sound_is_kept_of_a_wav_with_tags():
    data = wav_bytes(1.0, extra_chunk=info_chunk(b"Opname Loosduinseweg 12"))
    checked = check_audio(SimpleUploadedFile("x.wav", data))
    assert b"Loosduinseweg" not in checked.content
    assert checked.seconds == pytest.approx(1.0)


def test_a_recording_over_two_minutes_is_refused_with_its_length():
    with pytest.raises(ValidationError) as refused:
        check_audio(wav_upload(125, name="lang.wav"))
    assert refused.value.code == "too_long"
    message = refused.value.messages[0]
    assert "te lang: 2:05 minuten" in message and "hoogstens 2:00 minuten" in message


def test_two_minutes_exactly_is_still_fine():
    assert check_audio(wav_upload(120)).seconds == pytest.approx(120)


def test_a_text_file_named_wav_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_audio(text_as_wav())
    assert refused.value.code == "not_audio"
    assert "geen geluidsopname" in refused.value.messages[0]


def test_a_photo_is_not_a_recording():
    from tests.common.uploads import jpeg

    with pytest.raises(ValidationError) as refused:
        check_audio(jpeg("opname.mp3"))
    assert refused.value.code == "not_audio"


def test_a_wav_header_without_sound_is_refused():
    header_only = wav_bytes(0.0)
    with pytest.raises(ValidationError) as refused:
        check_audio(SimpleUploadedFile("leeg.wav", header_only))
    assert refused.value.code == "not_audio"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(ValidationError) as refused:
        check_audio(wav_upload(10), max_bytes=100_000)
    assert refused.value.code == "too_large"
    assert "te groot" in refused.value.messages[0] and "MB" in refused.value.messages[0]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as refused:
        check_audio(io.BytesIO(b""))
    assert refused.value.code == "empty"


def test_the_field_says_the_limits_and_carries_the_recorders_texts():
    field = RecordingField()
    assert "2:00 minuten" in str(field.help_text) and "5 MB" in str(field.help_text)
    html = field.widget.render("recording", None, attrs={"id": "id_recording"})
    assert 'accept="audio/*"' in html and "data-recorder" in html
    assert 'data-max-seconds="120"' in html and "Opname starten" in html
    assert field.clean(None) is None
    assert field.clean(wav_upload(1)).seconds == pytest.approx(1)


@pytest.mark.django_db
def test_a_recording_is_stored_privately_served_checked_and_erased_after_the_commit(
    django_capture_on_commit_callbacks,
):
    from meldingen.factories import MeldingFactory
    from meldingen.models import Recording

    recording = Recording(melding=MeldingFactory())
    recording.store(check_audio(wav_upload(2)))
    path = recording.audio.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert recording.length == "0:02"
    response = recording.serve()
    assert response["Content-Type"] == "audio/x-wav"
    assert response.content.startswith(b"RIFF")
    assert "private" in response["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        assert Recording.erase(Recording.objects.filter(pk=recording.pk)) == 1
    assert not Recording.objects.exists()
    assert not os.path.exists(path)


def test_an_mp3_tag_without_sound_is_refused():
    """The first bytes say MP3 (an ID3 tag), the parser finds no sound behind them."""
    fake = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 + b"geen geluid" * 50
    with pytest.raises(ValidationError) as refused:
        check_audio(SimpleUploadedFile("opname.mp3", fake, "audio/mpeg"))
    assert refused.value.code == "not_audio"
