"""Many initiatives at once, for the query-count pins and the benchmark: submitted ones in
every state, spread over the wijken, half of them published, some with a broker, each with two
budget lines and some with a plan photo (a database row; the file is never read by a list)."""

import random

from django.utils import timezone

from initiatives.models import BudgetLine, Initiative, Photo
from initiatives.workflow import Status

STATES = [
    Status.INGEDIEND,
    Status.IN_GESPREK,
    Status.TOEGEKEND,
    Status.IN_UITVOERING,
    Status.AFGEROND,
    Status.DOORVERWEZEN,
    Status.AFGEWEZEN,
]


def bulk_initiatives(count: int, *, wijken: list, initiator, broker=None, seed: int = 3) -> None:
    rng = random.Random(seed + Initiative.objects.count())
    now = timezone.now()
    year = timezone.localtime(now).year
    start = Initiative.objects.count()
    rows = []
    for n in range(count):
        status = rng.choice(STATES)
        submitted = now - timezone.timedelta(hours=rng.randint(1, 24 * 300))
        rows.append(
            Initiative(
                reference=f"IN-{year}-{start + n + 1:05d}",
                status=status,
                initiator=initiator,
                title=f"Buurtinitiatief {start + n + 1}",
                what_why="Samen iets moois doen in de buurt.",
                for_whom="Alle buren.",
                theme=rng.choice(["ontmoeting", "cultuur", "groen_en_schoon", "jeugd"]),
                wijk=rng.choice(wijken),
                place="Het plein",
                lat=52.04 + rng.random() * 0.015,
                lon=4.26 + rng.random() * 0.03,
                help_needed=["geld"],
                publish_consent=n % 2 == 0,
                broker=broker if status != Status.INGEDIEND and n % 3 == 0 else None,
                waiting_on=rng.choice(["", "initiator", "broker"]),
                submitted_at=submitted,
                created_at=submitted,
                first_response_deadline=submitted + timezone.timedelta(days=7),
                decision_deadline=submitted + timezone.timedelta(days=28),
            )
        )
    Initiative.objects.bulk_create(rows, batch_size=1000)
    created = list(Initiative.objects.filter(reference__in=[r.reference for r in rows]))
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(initiative=i, description=what, amount_cents=cents, position=p)
            for i in created
            for p, (what, cents) in enumerate([("Materiaal", 12_550), ("Koffie en thee", 4_000)])
        ],
        batch_size=1000,
    )
    Photo.objects.bulk_create(
        [
            Photo(initiative=i, image=f"initiatives/bench/{i.pk}.jpg", width=800, height=600)
            for i in created[::4]
        ],
        batch_size=1000,
    )
