"""Meldingen benchmarks (issue 3, item 17). Figures are printed, not asserted."""

import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from PIL import Image

from meldingen.models import Melding

pytestmark = pytest.mark.django_db


def photo_bytes(seed: int) -> bytes:
    image = Image.new("RGB", (1600, 1200), (seed % 255, 120, 80))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture
def categories(db, wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    load_afdelingen()
    load_categories()
    return list(Category.objects.filter(parent__isnull=False, is_sensitive=False))


def intake(client, category, photo: bytes, n: int) -> None:
    client.post(reverse("meldingen:index"), {"category": category.pk})
    client.post(reverse("meldingen:where"), {"postcode": "2532AB", "huisnummer": str(n % 200 + 1)})
    client.post(
        reverse("meldingen:photos"), {"photo_1": SimpleUploadedFile("f.jpg", photo, "image/jpeg")}
    )
    response = client.post(
        reverse("meldingen:details"),
        {"description": f"Bench melding {n}", "email": f"b{n}@example.org", "keep_informed": "on"},
    )
    assert response.status_code == 302


def test_intake_of_1000_reports_with_a_photo(client, categories, timer, settings, monkeypatch):
    from meldingen import views

    monkeypatch.setattr(views, "SUBMIT_LIMIT", (10**6, 3600))
    count = int(__import__("os").environ.get("BENCH_INTAKE", "1000"))
    photos = [photo_bytes(i) for i in range(10)]
    rng = random.Random(1)
    executed = [0]

    def count_queries(execute, sql, params, many, context):
        executed[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_queries):
        for n in range(count):
            timer(intake, client, rng.choice(categories), photos[n % 10], n)
    assert Melding.objects.count() == count
    print()
    print(timer.report(f"intake (4 steps + photo) on {connection.vendor}"))
    print(f"queries per report (all four steps): {executed[0] / count:.1f}")
