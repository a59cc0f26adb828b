"""One private photo for every module: stored under PRIVATE_MEDIA_ROOT (never /media/), its
thumbnail made by one background task after the commit (never in the request), served by each
module's view after that module's own permission check."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from common.images import sanitise_image
from initiatives.factories import InitiativeFactory
from initiatives.services import initiative_add_photo
from meldingen.factories import TEST_SECRET, CategoryFactory
from meldingen.services import Intake, melding_create

pytestmark = pytest.mark.django_db


def photo(colour="orange"):
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(buffer, "JPEG")
    return sanitise_image(SimpleUploadedFile("x.jpg", buffer.getvalue(), "image/jpeg"))


def private(stored) -> bool:
    path = Path(stored.path).resolve()
    return path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve()) and not (
        path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    )


def test_a_report_photo_gets_its_thumbnail_from_the_task_after_the_commit(
    client, wijken, django_capture_on_commit_callbacks
):
    intake = Intake(category=CategoryFactory(), description="Een kapotte bank.", postcode="2532AB")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        melding, secret = melding_create(intake=intake, photos=[photo()])
    stored = melding.photos.get()
    assert private(stored.image) and not stored.thumbnail  # not made in the request
    for callback in queued:
        callback()
    stored.refresh_from_db()
    assert private(stored.thumbnail) and max(Image.open(stored.thumbnail.path).size) == 480

    url = reverse(
        "meldingen:follow_photo_size", args=[melding.reference, secret, stored.pk, "klein"]
    )
    small = client.get(url)
    assert small.status_code == 200 and small["Content-Type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(small.content)).size) == 480
    large = client.get(
        reverse("meldingen:follow_photo", args=[melding.reference, secret, stored.pk])
    )
    assert Image.open(io.BytesIO(large.content)).size == (900, 600)
    wrong = reverse("meldingen:follow_photo", args=[melding.reference, TEST_SECRET, stored.pk])
    assert client.get(wrong).status_code == 404


def test_an_initiative_photo_uses_the_same_task_and_keeps_its_own_permission(
    client, wijken, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(wijk=wijken["moerwijk"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        stored = initiative_add_photo(
            initiative=initiative, actor=initiative.initiator, image=photo("green")
        )
    assert private(stored.image) and not stored.thumbnail
    for callback in queued:
        callback()
    stored.refresh_from_db()
    assert private(stored.thumbnail)

    url = reverse("initiatives:file_size", args=["foto", stored.pk, "klein"])
    assert client.get(url).status_code == 404  # a draft: only its initiators
    client.force_login(initiative.initiator)
    small = client.get(url)
    assert small.status_code == 200 and max(Image.open(io.BytesIO(small.content)).size) == 480


def test_removing_a_photo_removes_its_files(wijken, django_capture_on_commit_callbacks):
    from initiatives.services import initiative_remove_file

    initiative = InitiativeFactory(wijk=wijken["moerwijk"])
    with django_capture_on_commit_callbacks(execute=True):
        stored = initiative_add_photo(
            initiative=initiative, actor=initiative.initiator, image=photo()
        )
    stored.refresh_from_db()
    paths = [Path(stored.image.path), Path(stored.thumbnail.path)]
    assert all(p.exists() for p in paths)
    initiative_remove_file(initiative=initiative, actor=initiative.initiator, photo_id=stored.pk)
    assert not any(p.exists() for p in paths)
