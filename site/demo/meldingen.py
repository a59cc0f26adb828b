"""Demo reports for `seed_demo`: a queue that is not empty on a fresh `make run`, a public map
and statistics with something on them. Made through the real services, so every report has its
history, deadline and messages. Idempotent: does nothing when demo reports exist."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from common.services import wijk_for_point, wijk_for_postcode
from meldingen import services
from meldingen.models import Category, Melding
from meldingen.workflow import Status

DEMO_EMAIL = "melder@zuidwest.example"
# category slug, postcode, (lat, lon), description, what the handler did: [(status, message)]
DEMO_REPORTS = [
    (
        "lantaarnpaal",
        "2532AB",
        (52.0535, 4.2855),
        "De lantaarnpaal voor nummer 12 is al een week uit.",
        [],
    ),
    (
        "afval-naast-container",
        "2541GA",
        (52.0452, 4.2541),
        "Zakken naast de container bij de flat.",
        [(Status.IN_BEHANDELING, "We halen het afval deze week op.")],
    ),
    (
        "ratten",
        "2533AA",
        (52.0498, 4.2712),
        "Ratten bij de speeltuin, 's avonds veel.",
        [(Status.INGEPLAND, "De ongediertebestrijder komt donderdag.")],
    ),
    (
        "bestrating",
        "2542AA",
        (52.0405, 4.2622),
        "Losse stoeptegels, mijn moeder struikelde bijna.",
        [
            (Status.IN_BEHANDELING, "We kijken er naar."),
            (Status.AFGEHANDELD, "De tegels liggen weer vast."),
        ],
    ),
    (
        "graffiti",
        "2533AR",
        (52.0580, 4.2830),
        "Graffiti op de muur van het buurthuis.",
        [(Status.AFGEHANDELD, "De muur is schoongemaakt.")],
    ),
    ("grofvuil", "2531AB", (52.0560, 4.2880), "Een oude bank op de stoep.", []),
    (
        "drugshandel",
        "2532CD",
        (52.0530, 4.2820),
        "Elke avond wordt er gehandeld bij de portiek.",
        [],
    ),
]


def _point_in(wijk, lat: float, lon: float) -> tuple[float | None, float | None]:
    """The given point if it lies in the postcode's wijk; otherwise a point near the middle of
    that wijk's boundary (so the map pin and the postcode agree); otherwise no point."""
    if wijk is None:
        return None, None
    if (found := wijk_for_point(lat=lat, lon=lon)) is not None and found.pk == wijk.pk:
        return lat, lon
    ring = (wijk.boundary or {}).get("coordinates", [[[]]])
    while ring and isinstance(ring[0][0], list):
        ring = ring[0]
    if not ring:
        return None, None
    lon_c = sum(p[0] for p in ring) / len(ring)
    lat_c = sum(p[1] for p in ring) / len(ring)
    offset = (hash((lat, lon)) % 7 - 3) * 0.0004
    for candidate in ((lat_c + offset, lon_c + offset), (lat_c, lon_c)):
        found = wijk_for_point(lat=candidate[0], lon=candidate[1])
        if found is not None and found.pk == wijk.pk:
            return round(candidate[0], 6), round(candidate[1], 6)
    return None, None


@transaction.atomic
def seed_demo_meldingen(users: dict) -> int:
    """`users`: the demo users by role (accounts.roles)."""
    from accounts import roles

    handler = users.get(roles.BEHANDELAAR)
    if Melding.objects.filter(reporter_email=DEMO_EMAIL).exists():
        return 0
    made = 0
    for slug, postcode, (lat, lon), text, steps in DEMO_REPORTS:
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            continue
        lat, lon = _point_in(wijk_for_postcode(postcode), lat, lon)
        point_ok = lat is not None
        melding, _secret = services.melding_create(
            intake=services.Intake(
                category=category,
                description=text,
                postcode=postcode,
                lat=lat if point_ok else None,
                lon=lon if point_ok else None,
                email=DEMO_EMAIL,
            ),
            photos=[],
        )
        for status, message in steps:
            services.melding_change_status(
                melding=melding, to=status, actor=handler, public_message=message
            )
        if steps and steps[-1][0] == Status.AFGEHANDELD:
            services.melding_set_public_description(melding=melding, text=text, actor=handler)
        made += 1
    # One report past its deadline, so the queue shows what "te laat" looks like.
    late = Melding.objects.filter(reporter_email=DEMO_EMAIL, status=Status.GEMELD).first()
    if late is not None:
        past = timezone.now() - dt.timedelta(days=3)
        Melding.objects.filter(pk=late.pk).update(deadline=past)
    return made
