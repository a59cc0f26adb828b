"""A recording identifies the reporter: it goes, file and all, with the contact data after the
retention period, with the account, and a draft's after a day (meldingen/services/housekeeping.py,
meldingen/account.py, meldingen/tasks.py)."""

import os

import pytest
from django.utils import timezone

from common.audio import check_audio
from meldingen.models import DraftRecording, Melding, Recording
from meldingen.services import melding_change_status, meldingen_erase_contact_data
from meldingen.workflow import Status
from tests.common.recordings import wav_upload
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def spoken_report(categories, **extra):
    melding, _ = new_report(categories, recording=check_audio(wav_upload(2)), **extra)
    return melding, melding.recording.audio.path


def test_the_service_stores_a_spoken_report_without_text(categories):
    melding, path = spoken_report(categories, description="")
    assert melding.description == "" and os.path.exists(path)


def test_the_recording_goes_with_the_contact_data_after_the_retention_period(
    categories, handler, settings, django_capture_on_commit_callbacks
):
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 90
    old, old_path = spoken_report(categories)
    recent, recent_path = spoken_report(categories)
    for melding in (old, recent):
        melding_change_status(
            melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar."
        )
    Melding.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timezone.timedelta(91))
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_erase_contact_data() == 1
    assert not Recording.objects.filter(melding=old).exists()
    assert not os.path.exists(old_path)
    assert Recording.objects.filter(melding=recent).exists() and os.path.exists(recent_path)
    assert Melding.objects.filter(pk=old.pk).exists()  # the report itself stays, anonymous


def test_the_recording_goes_with_the_account(
    categories, resident_factory, django_capture_on_commit_callbacks
):
    from accounts.services import user_delete

    owner = resident_factory()
    other = resident_factory()
    mine, my_path = spoken_report(categories, email=owner.email)
    Melding.objects.filter(pk=mine.pk).update(reporter=owner)
    theirs, their_path = spoken_report(categories, email=other.email)
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=owner)
    mine.refresh_from_db()
    assert mine.reporter is None and mine.reporter_email == ""
    assert not Recording.objects.filter(melding=mine).exists() and not os.path.exists(my_path)
    assert Recording.objects.filter(melding=theirs).exists() and os.path.exists(their_path)


def test_a_drafts_recording_is_removed_after_a_day(django_capture_on_commit_callbacks):
    from meldingen.tasks import housekeeping

    stale = DraftRecording(token="oud")
    stale.store(check_audio(wav_upload(1)))
    DraftRecording.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - timezone.timedelta(days=2)
    )
    fresh = DraftRecording(token="nieuw")
    fresh.store(check_audio(wav_upload(1)))
    with django_capture_on_commit_callbacks(execute=True):
        result = housekeeping.call()
    assert result["drafts_removed"] == 1
    assert list(DraftRecording.objects.all()) == [fresh]
    assert not os.path.exists(stale.audio.path) and os.path.exists(fresh.audio.path)
