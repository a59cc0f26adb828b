"""A budget plan with a photo counts against the one upload limit of common.ratelimit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from common import ratelimit
from participation.models import Proposal

pytestmark = pytest.mark.django_db


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "blue").save(buffer, "JPEG")
    return SimpleUploadedFile("bankje.jpg", buffer.getvalue(), "image/jpeg")


def test_a_plan_photo_over_the_limit_is_refused_and_the_plan_kept(
    client, ideas_round, resident, monkeypatch
):
    monkeypatch.setattr(ratelimit, "UPLOAD_LIMIT", (1, 600))
    client.force_login(resident)
    url = reverse("participation:propose", args=[ideas_round.slug])
    plan = {"title": "Bankjes", "description": "Rust", "estimated_cost": "100"}
    assert client.post(url, {**plan, "photo": jpeg()}).status_code == 302  # under the limit

    def refuse(*args, **kwargs):
        raise AssertionError("a photo over the limit was decoded")

    monkeypatch.setattr("participation.forms.sanitise_image", refuse)
    response = client.post(url, {**plan, "title": "Bomen", "photo": jpeg()})

    assert response.status_code == 429
    html = response.content.decode()
    assert "Wacht 10 minuten en stuur ze dan opnieuw." in html and 'value="Bomen"' in html
    assert list(Proposal.objects.values_list("title", flat=True)) == ["Bankjes"]
