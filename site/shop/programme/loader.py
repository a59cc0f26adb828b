"""The programme's measures from the demo content (the programme document), in Dutch and
English: each theme's measures, and the ten with the most impact with their rank."""

import uuid

from django.apps import apps
from django.db import transaction
from wagtail.models import Locale
from wagtail.search import index

from .models import Measure

TITLE_LENGTH = 110


def short_title(text: str) -> str:
    """The first sentence, or the first words of it: a list label for editors."""
    sentence = text.split(". ")[0].rstrip(".")
    if len(sentence) <= TITLE_LENGTH:
        return sentence
    cut = sentence[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


@transaction.atomic
def load_measures(content: dict) -> int:
    """Idempotent: does nothing once measures exist (editors own them from then on)."""
    if Measure.objects.exists():
        return 0
    # The theme pages are the shop's pages (shop/models.py imports this package's models).
    ThemePage = apps.get_model("shop", "ThemePage")
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.filter(language_code="en").first()
    themes = {page.slug: page for page in ThemePage.objects.filter(locale=nl)}
    rows = []
    for theme in content["themes"]:
        page = themes.get(theme["slug"])
        if page is None:
            continue
        for number, (text_nl, text_en) in enumerate(
            zip(theme["measures_nl"], theme["measures_en"], strict=True), start=1
        ):
            rows.append((page, number, None, text_nl, text_en))
    for item in content["top10"]:
        page = themes.get(item["theme"])
        if page is not None:
            rows.append((page, 0, item["rank"], item["nl"], item["en"]))

    translations = {}
    if en is not None:
        for page in {row[0] for row in rows}:
            translations[page.pk] = ThemePage.objects.filter(
                locale=en, translation_key=page.translation_key
            ).first()
    made = []
    for page, number, rank, text_nl, text_en in rows:
        key = uuid.uuid4()
        made.append(_measure(nl, page, key, number, rank, text_nl))
        page_en = translations.get(page.pk)
        if page_en is not None:
            made.append(_measure(en, page_en, key, number, rank, text_en))
    Measure.objects.bulk_create(made)
    # bulk_create sends no post_save, so the search index hears of them here.
    for measure in Measure.objects.all():
        index.insert_or_update_object(measure)
    return len(made)


def _measure(locale, theme, key, number, rank, text) -> Measure:
    """One language of a measure; its translation shares `key`, `number` and `rank`."""
    return Measure(
        locale=locale,
        translation_key=key,
        theme=theme,
        number=number,
        top10_rank=rank,
        title=short_title(text),
        text=text,
    )
