"""Loading the report categories from meldingen/data/categories.json (editable in the admin
afterwards; a second load updates names and terms but keeps staff's own categories)."""

import json
from pathlib import Path

from django.db import transaction

from common.models import Afdeling

from .models import Category, StandardText
from .workflow import Status

DATA = Path(__file__).resolve().parent / "data" / "categories.json"

STANDARD_TEXTS = [
    (
        Status.IN_BEHANDELING,
        "We gaan aan de slag",
        "We hebben uw melding bekeken en gaan ermee aan de slag.",
    ),
    (
        Status.INGEPLAND,
        "Ingepland",
        "We hebben het werk ingepland. U hoort van ons als het klaar is.",
    ),
    (
        Status.AFGEHANDELD,
        "Opgeruimd",
        "We zijn geweest en hebben het opgelost. Is het nog niet goed? Laat het ons weten.",
    ),
    (
        Status.NIET_IN_BEHANDELING,
        "Niet van de gemeente",
        "Dit valt niet onder de gemeente. Daarom pakken wij het niet op.",
    ),
    (
        Status.DOORGEZET,
        "Naar de woningcorporatie",
        "Dit is van de woningcorporatie. We hebben uw melding aan hen doorgegeven.",
    ),
    (
        Status.REACTIE_GEVRAAGD,
        "Waar precies?",
        "We kunnen het niet goed vinden. Kunt u beschrijven waar het precies is?",
    ),
]


@transaction.atomic
def load_categories(path: Path | None = None) -> int:
    data = json.loads((path or DATA).read_text(encoding="utf-8"))
    afdelingen = {a.slug: a for a in Afdeling.objects.all()}
    count = 0
    for order, main in enumerate(data["categories"]):
        parent, _ = Category.objects.update_or_create(
            slug=main["slug"],
            defaults={
                "name": main["name"],
                "name_en": main.get("name_en", ""),
                "icon": main.get("icon", "melden"),
                "default_afdeling": afdelingen.get(main.get("afdeling")),
                "is_sensitive": main.get("sensitive", False),
                "is_public": not main.get("sensitive", False),
                "sort_order": order,
            },
        )
        for sub_order, sub in enumerate(main["children"]):
            Category.objects.update_or_create(
                slug=sub["slug"],
                defaults={
                    "parent": parent,
                    "name": sub["name"],
                    "name_en": sub.get("name_en", ""),
                    "icon": main.get("icon", "melden"),
                    "keywords": sub.get("keywords", ""),
                    "handling_days": sub.get("days", 5),
                    "handling_message": sub.get("message", ""),
                    "default_afdeling": afdelingen.get(main.get("afdeling")),
                    "is_sensitive": main.get("sensitive", False),
                    "is_public": not main.get("sensitive", False),
                    "sort_order": sub_order,
                },
            )
            count += 1
    for status, title, text in STANDARD_TEXTS:
        StandardText.objects.get_or_create(
            category=None, status=status, title=title, defaults={"text": text}
        )
    return count
