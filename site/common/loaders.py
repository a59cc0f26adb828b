"""Loading the wijken of Zuidwest and the departments from the data files in site/common/data/:
wijken.json, and afdelingen.json with each department's public name in every language ("name",
"name_en", …), which lands in the language columns of common/translated_names.py."""

import json
from pathlib import Path

from django.db import transaction

from .feedback.language import translated_values
from .models import Afdeling, Wijk

DATA_DIR = Path(__file__).resolve().parent / "data"


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


def read_afdelingen(path: Path | None = None) -> list[dict]:
    data = json.loads((path or DATA_DIR / "afdelingen.json").read_text(encoding="utf-8"))
    return data["afdelingen"]


@transaction.atomic
def load_afdelingen(path: Path | None = None) -> list[Afdeling]:
    """Create or update every department of the data file, with its names in every language
    (an empty one stays NULL: each language's name is unique, and NULLs never collide)."""
    loaded = []
    for row in read_afdelingen(path):
        afdeling, _created = Afdeling.objects.update_or_create(
            slug=row["slug"],
            defaults={
                **translated_values(row, "name", "name", empty=None),
                "email": row.get("email", ""),
            },
        )
        loaded.append(afdeling)
    return loaded
