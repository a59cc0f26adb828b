"""Meldingen benchmarks (issue 3, item 17). Figures are printed, not asserted."""

import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from PIL import Image

from meldingen.models import Melding
from tests.bench.conftest import measure_pages

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
    from meldingen.views import report as views

    monkeypatch.setattr(views, "SUBMIT_LIMIT", (10**6, 3600))
    monkeypatch.setattr("common.ratelimit.UPLOAD_LIMIT", (10**6, 3600))
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


def bulk_reports(categories, wijken, count: int) -> None:
    """`count` reports spread over the wijken and categories, each with its first history row."""
    from django.utils import timezone

    from common.feedback.secrets import hash_secret
    from meldingen.models import StatusChange
    from meldingen.workflow import Actor, Status

    rng = random.Random(7)
    wijk_list = list(wijken.values())
    now = timezone.now()
    start = Melding.objects.count()
    rows = []
    for n in range(count):
        category = rng.choice(categories)
        created = now - timezone.timedelta(hours=rng.randint(1, 24 * 300))
        rows.append(
            Melding(
                reference=f"ZW-2026-{start + n + 1:05d}",
                secret_hash=hash_secret(str(n)),
                category=category,
                status=rng.choice([Status.GEMELD, Status.INGEPLAND, Status.AFGEHANDELD]),
                description=f"Bench {n}",
                public_description="Goedgekeurde omschrijving" if n % 3 == 0 else "",
                lat=52.04 + rng.random() * 0.015,
                lon=4.26 + rng.random() * 0.03,
                postcode="2532AB",
                wijk=rng.choice(wijk_list),
                afdeling=category.default_afdeling,
                created_at=created,
                deadline=created + timezone.timedelta(days=7),
                closed_at=created + timezone.timedelta(days=3) if n % 3 == 2 else None,
            )
        )
    Melding.objects.bulk_create(rows, batch_size=1000)
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                melding=m,
                to_status=Status.GEMELD,
                actor_kind=Actor.REPORTER,
                created_at=m.created_at,
            )
            for m in Melding.objects.filter(reference__in=[r.reference for r in rows])
        ],
        batch_size=1000,
    )


def test_queue_and_public_list_with_10000_reports(
    client, categories, wijken, user_factory, timer, settings
):
    from common.models import Afdeling

    coordinator = user_factory(role="coordinator")
    handler = user_factory(
        role="behandelaar", afdeling=Afdeling.objects.get(slug="stadsbeheer-schoon")
    )
    total = int(__import__("os").environ.get("BENCH_REPORTS", "10000"))
    pages = [
        ("queue (coordinator, all)", coordinator, "/beheer/meldingen/"),
        ("queue (handler, own afdeling)", handler, "/beheer/meldingen/"),
        ("queue map view", coordinator, "/beheer/meldingen/?view=kaart"),
        ("public list", None, "/meldingen/"),
        ("public map json", None, "/meldingen/kaart.json"),
        ("wijk statistics", None, "/meldingen/wijk/moerwijk/"),
        ("open311 GET requests", None, "/open311/v2/requests.json"),
    ]
    measure_pages(
        client,
        timer,
        pages,
        sizes=(100, total),
        grow=lambda size: bulk_reports(categories, wijken, size - Melding.objects.count()),
    )
