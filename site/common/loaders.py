"""Loading the wijken of Zuidwest from the data file site/common/data/wijken.json."""

import json
from pathlib import Path

from django.db import transaction

from .models import Afdeling, Wijk

DATA_DIR = Path(__file__).resolve().parent / "data"

AFDELINGEN = [
    ("Stadsbeheer – Schoon", "stadsbeheer-schoon", "schoon@zuidwest.example"),
    (
        "Stadsbeheer – Openbare ruimte",
        "stadsbeheer-openbare-ruimte",
        "buitenruimte@zuidwest.example",
    ),
    ("Veiligheid en ondermijning", "veiligheid", "veiligheid@zuidwest.example"),
    ("Programmabureau Zuidwest", "programmabureau", "programma@zuidwest.example"),
    ("Participatiewinkel", "participatiewinkel", "participatie@zuidwest.example"),
]


def read_wijken(path: Path | None = None) -> list[dict]:
    data = json.loads((path or DATA_DIR / "wijken.json").read_text(encoding="utf-8"))
    return data["wijken"]


@transaction.atomic
def load_wijken(path: Path | None = None) -> list[Wijk]:
    """Create or update every wijk of the data file; edits of other wijken stay untouched."""
    loaded = []
    for order, row in enumerate(read_wijken(path)):
        wijk, _created = Wijk.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "cbs_code": row.get("cbs_code") or "",
                "postcode_ranges": row.get("postcode_ranges", []),
                "boundary": row.get("boundary"),
                "sort_order": order,
            },
        )
        wijk.full_clean()
        loaded.append(wijk)
    return loaded


@transaction.atomic
def load_afdelingen() -> list[Afdeling]:
    return [
        Afdeling.objects.update_or_create(slug=slug, defaults={"name": name, "email": email})[0]
        for name, slug, email in AFDELINGEN
    ]
