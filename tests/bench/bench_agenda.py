"""Agenda benchmark (issue 5, item 11): the agenda, a filtered agenda, a wijk page, a wijk feed
and site search with 100 and with 1,000 activities (a third of them with registrations). The
query count of the lists must not grow with the rows: that is asserted; timings are printed.

    .venv/bin/python -m pytest tests/bench/bench_agenda.py -s -p no:randomly
"""

import os
import random

import pytest
from django.utils import timezone

from participation.agenda.factories import in_days
from participation.agenda.models import Activity, ActivityType, Registration, RegistrationStatus
from tests.bench.conftest import measure

pytestmark = pytest.mark.django_db

PATHS = [
    ("agenda", "/agenda/"),
    ("agenda page 3, Moerwijk, workshops", "/agenda/?wijk=moerwijk&soort=workshop&pagina=3"),
    ("agenda last page", "/agenda/?pagina=50"),
    ("wijk page Moerwijk", "/wijken/moerwijk/"),
    ("activity page", None),
    ("feed Moerwijk (.ics)", "/agenda/moerwijk.ics"),
    ("site search", "/zoeken/?q=workshop"),
]


def bulk_activities(wijken, count: int) -> None:
    rng = random.Random(5)
    wijk_list = list(wijken.values())
    types = list(ActivityType.values)
    start = Activity.objects.count()
    rows = []
    for n in range(count):
        starts_at = in_days(1 + rng.randint(0, 120), hour=rng.randint(9, 20))
        rows.append(
            Activity(
                type=rng.choice(types),
                title=f"Activiteit {start + n}",
                description="Bench: praat mee over de wijk.",
                wijk=rng.choice(wijk_list),
                place="Buurthuis",
                starts_at=starts_at,
                ends_at=starts_at + timezone.timedelta(hours=2),
                capacity=rng.choice([None, 10, 20]),
                organiser="Participatiewinkel",
                is_published=True,
            )
        )
    created = Activity.objects.bulk_create(rows, batch_size=500)
    Activity.objects.filter(pk__in=[a.pk for a in created[::3]]).update(confirmed_count=3)
    registrations = [
        Registration(
            activity=activity,
            status=RegistrationStatus.CONFIRMED,
            name=f"Bewoner {i}",
            email=f"b{activity.pk}-{i}@example.org",
            cancel_token_hash=f"{activity.pk:032d}{i:032d}",
        )
        for activity in created[::3]
        for i in range(3)
    ]
    Registration.objects.bulk_create(registrations, batch_size=1000)


def test_agenda_with_1000_activities(client, page_tree, wijken, timer):
    total = int(os.environ.get("BENCH_ACTIVITIES", "1000"))
    results = {}
    for size in (100, total):
        bulk_activities(wijken, size - Activity.objects.count())
        first = Activity.objects.order_by("pk").first()
        for label, path in PATHS:
            timer.samples = []
            queries = measure(client, path or first.get_absolute_url(), timer)
            results[(label, size)] = (queries, timer.report(f"{label} @ {size}"))
    print()
    for (_label, _size), (queries, line) in sorted(results.items()):
        print(f"{line} queries={queries}")
    for label, _path in PATHS:
        assert results[(label, 100)][0] == results[(label, total)][0], label
