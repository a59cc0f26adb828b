"""Demo content of the databank (data/methods.json): the methods index, every method and the advice
page, in Dutch with an English translation made by `copy_for_translation`. Idempotent: what exists
is left alone (editors may have changed it), only missing pages are added."""

import json
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from .pages import AdvicePage, MethodIndexPage, MethodPage

DATA = Path(__file__).resolve().parents[1] / "data" / "methods.json"


def read_methods() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def method_fields(row: dict, language: str) -> dict:
    text = row[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "goal": text["goal"],
        "duration_note": text["duration_note"],
        "cost_note": text["cost_note"],
        "access_note": text["access_note"],
        "example": text["example"],
        "keywords": text["keywords"],
        "steps": [("step", step) for step in text["steps"]],
        "pitfalls": [("pitfall", pitfall) for pitfall in text["pitfalls"]],
        "goals": row["goals"],
        "influence": row["influence"],
        "audiences": row["audiences"],
        "channels": row["channels"],
        "group_min": row["group"][0],
        "group_max": row["group"][1],
        "duration": row["duration"],
        "cost": row["cost"],
        "low_literacy": row["low_literacy"],
        "other_languages": row["other_languages"],
    }


def _live(page: Page) -> Page:
    """Live without a revision, as a page made by `add_child` is. Publishing through revisions
    costs about twice as much, and this loader runs in every test that builds the demo tree;
    the first edit in the admin makes the first revision."""
    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now
    return page


def _add_child(parent: Page, page: Page) -> Page:
    # The data file is checked against the vocabulary before anything is saved.
    page.clean_fields(exclude=["path", "depth"])
    parent.add_child(instance=_live(page))
    return page


def _translate(page: Page, locale: Locale, fields: dict) -> Page:
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    _live(translated).save()
    return translated


def _has_translation(parent: Page, locale: Locale) -> bool:
    return parent.get_translation_or_none(locale) is not None


def _link_from_shop(shop: Page, links: list[tuple[Page, dict]]) -> None:
    """Call-to-action blocks on the participatiewinkel page (and its translation) pointing at
    the new pages. Published as a revision: the shop page has revisions, and an editor's next
    edit starts from the latest one."""
    # Fresh from the database: a copy held since before the children were added has a stale
    # `numchild`, and saving it would hide those children from routing.
    shop = Page.objects.get(pk=shop.pk).specific
    for target, text in links:
        shop.body.append(("call_to_action", {**text, "link_page": target}))
    shop.save_revision().publish()


@transaction.atomic
def load_methods(shop: Page) -> MethodIndexPage:
    """Add the databank and the advice page below the (Dutch) participatiewinkel page."""
    data = read_methods()
    english = Locale.objects.filter(language_code="en").first()
    english_shop = shop.get_translation_or_none(english) if english else None
    new_links: dict[str, list] = {"nl": [], "en": []}

    index = MethodIndexPage.objects.child_of(shop).first()
    if index is None:
        index = _add_child(shop, MethodIndexPage(slug="methoden", **data["index"]["nl"]))
        new_links["nl"].append((index, data["links"]["nl"]["methods"]))
        if english_shop:
            index_en = _translate(index, english, data["index"]["en"])
            new_links["en"].append((index_en, data["links"]["en"]["methods"]))
    translate_methods = english is not None and _has_translation(index, english)
    existing = set(MethodPage.objects.child_of(index).values_list("slug", flat=True))
    for row in data["methods"]:
        if row["slug"] in existing:
            continue
        page = _add_child(index, MethodPage(slug=row["slug"], **method_fields(row, "nl")))
        if translate_methods:
            _translate(page, english, method_fields(row, "en"))

    if not AdvicePage.objects.child_of(shop).exists():
        advice = _add_child(shop, AdvicePage(slug="advies", **data["advice"]["nl"]))
        new_links["nl"].append((advice, data["links"]["nl"]["advice"]))
        if english_shop:
            advice_en = _translate(advice, english, data["advice"]["en"])
            new_links["en"].append((advice_en, data["links"]["en"]["advice"]))

    if new_links["nl"]:
        _link_from_shop(shop, new_links["nl"])
    if new_links["en"]:
        _link_from_shop(english_shop, new_links["en"])
    return index
