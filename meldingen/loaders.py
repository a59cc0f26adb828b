"""Loading the report categories from meldingen/data/categories.json (editable in the admin
afterwards; a second load updates names and terms but keeps staff's own categories). The file
holds each name and first message in every language ("name_tr", "message_tr"; the Dutch without a
suffix); the ready texts come from the gettext catalogue. Both land in the language columns of
meldingen/translation.py."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from common.feedback.language import translated_values
from common.models import Afdeling

from .models import Category, StandardText
from .workflow import Status

DATA = Path(__file__).resolve().parent / "data" / "categories.json"

STANDARD_TEXTS = [
    (
        Status.IN_BEHANDELING,
        gettext_noop("We gaan aan de slag"),
        gettext_noop("We hebben uw melding bekeken en gaan ermee aan de slag."),
    ),
    (
        Status.INGEPLAND,
        gettext_noop("Ingepland"),
        gettext_noop("We hebben het werk ingepland. U hoort van ons als het klaar is."),
    ),
    (
        Status.AFGEHANDELD,
        gettext_noop("Opgeruimd"),
        gettext_noop(
            "We zijn geweest en hebben het opgelost. Is het nog niet goed? Laat het ons weten."
        ),
    ),
    (
        Status.NIET_IN_BEHANDELING,
        gettext_noop("Niet van de gemeente"),
        gettext_noop("Dit valt niet onder de gemeente. Daarom pakken wij het niet op."),
    ),
    (
        Status.DOORGEZET,
        gettext_noop("Naar de woningcorporatie"),
        gettext_noop("Dit is van de woningcorporatie. We hebben uw melding aan hen doorgegeven."),
    ),
    (
        Status.REACTIE_GEVRAAGD,
        gettext_noop("Waar precies?"),
        gettext_noop("We kunnen het niet goed vinden. Kunt u beschrijven waar het precies is?"),
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
                **translated_values(main, "name", "name"),
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
                    **translated_values(sub, "name", "name"),
                    "icon": main.get("icon", "melden"),
                    "keywords": sub.get("keywords", ""),
                    "handling_days": sub.get("days", 5),
                    **translated_values(sub, "message", "handling_message"),
                    "default_afdeling": afdelingen.get(main.get("afdeling")),
                    "is_sensitive": main.get("sensitive", False),
                    "is_public": not main.get("sensitive", False),
                    "sort_order": sub_order,
                },
            )
            count += 1
    for status, title, text in STANDARD_TEXTS:
        ready, _ = StandardText.objects.get_or_create(
            category=None, status=status, title_nl=title, defaults={"text_nl": text}
        )
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            with translation.override(code):
                # an untranslated text stays empty, so it reads as the Dutch
                for field, source in (("title", title), ("text", text)):
                    value = gettext(source)
                    setattr(ready, f"{field}_{code}", value if value != source else "")
        ready.save()
    return count
