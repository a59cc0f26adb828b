"""The CMS page tree of the demo, in Dutch and English, from the programme document
(demo/content.json, written from 'Concept Programma Zuidwest', 18 November 2021)."""

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page, Site

from common.loaders import load_afdelingen, load_wijken, read_wijken
from common.models import Wijk
from shop.models import (
    HomePage,
    ParticipatiewinkelPage,
    ThemeIndexPage,
    ThemePage,
    WijkIndexPage,
    WijkPage,
)

CONTENT = Path(__file__).resolve().parent / "content.json"

TEXT = {
    "nl": {
        "wijken": "Wijken",
        "wijken_intro": "Den Haag Zuidwest bestaat uit vijf wijken. Kies uw wijk en zie wat er "
        "speelt.",
        "programma": "Programma Zuidwest",
        "programma_intro": "Wat de gemeente en haar partners tot 2040 willen bereiken in Zuidwest, "
        "en met welke maatregelen.",
        "top10": "De tien maatregelen met de meeste impact",
        "measures": "Maatregelen",
        "winkel": "Participatiewinkel",
        "winkel_intro": "De participatiewinkel is er voor iedereen die wil meepraten, meedenken of "
        "zelf iets wil doen in Zuidwest. U kunt er binnenlopen, advies vragen en zien wat er met "
        "uw inbreng is gedaan.",
    },
    "en": {
        "wijken": "Neighbourhoods",
        "wijken_intro": "The Hague Zuidwest has five neighbourhoods. Choose yours and see what is "
        "going on.",
        "programma": "Programme Zuidwest",
        "programma_intro": "What the city and its partners want to achieve in Zuidwest by 2040, "
        "and how.",
        "top10": "The ten measures with the most impact",
        "measures": "Measures",
        "winkel": "Participation shop",
        "winkel_intro": "The participation shop is for everyone who wants to have a say, think "
        "along or do something in Zuidwest. Walk in, ask for advice and see what was done with "
        "your input.",
    },
}


def load_measures(content: dict) -> int:
    from shop.programme.loader import load_measures as load

    return load(content)


def read_content() -> dict:
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def _measures(title: str, items: list[str], ordered: bool = False) -> list[tuple]:
    return [("measures", {"title": title, "items": items, "ordered": ordered})]


def _home_fields(content: dict, lang: str) -> dict:
    home = content["home"][lang]
    top10 = [item[lang] for item in sorted(content["top10"], key=lambda i: i["rank"])]
    return {
        "title": home["title"],
        "intro": home["intro"],
        "body": [
            ("paragraph", f"<p>{home['mission']}</p>"),
            *_measures(TEXT[lang]["top10"], top10, ordered=True),
        ],
    }


def _wijk_fields(content: dict, row: dict, lang: str) -> dict:
    return {
        "title": row["name"],
        "intro": row.get(f"description_{lang}", ""),
        "body": [("paragraph", f"<p>{content['wijk_intro'][lang]}</p>")],
    }


def _theme_fields(theme: dict, lang: str) -> dict:
    return {
        "title": theme[f"title_{lang}"],
        "number": theme["number"],
        "ambition": theme[f"ambition_{lang}"],
        "summary": theme[f"summary_{lang}"],
        # The measures themselves are Measure snippets (shop.programme), shown by the template.
    }


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translate(page: Page, locale: Locale, fields: dict) -> Page:
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    _publish(translated)
    return translated


def _add_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    _publish(page)
    return page


@transaction.atomic
def load_page_tree() -> HomePage:
    """Build the demo page tree once; when a HomePage exists the tree is left alone, so edits
    made in the admin survive a second `make run`."""
    load_wijken()
    load_afdelingen()
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")

    existing = HomePage.objects.filter(locale=nl).first()
    if existing:
        _load_participatiewinkel(existing)
        load_measures(read_content())
        return existing

    content = read_content()
    root = Page.get_first_root_node()
    # Wagtail's migration leaves a "Welcome" page; our home page takes its place.
    for page in root.get_children().exclude(content_type__model="homepage"):
        if page.specific_class is Page:
            page.delete()

    home = HomePage(slug="home", locale=nl, **_home_fields(content, "nl"))
    root.add_child(instance=home)
    _publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Zuidwest", "root_page": home},
    )
    _translate(home, en, _home_fields(content, "en"))

    index = _add_child(
        home,
        WijkIndexPage(title=TEXT["nl"]["wijken"], slug="wijken", intro=TEXT["nl"]["wijken_intro"]),
    )
    _translate(index, en, {"title": TEXT["en"]["wijken"], "intro": TEXT["en"]["wijken_intro"]})
    wijken = {w.slug: w for w in Wijk.objects.all()}
    for row in read_wijken():
        page = _add_child(
            index,
            WijkPage(
                slug=row["slug"], wijk=wijken[row["slug"]], **_wijk_fields(content, row, "nl")
            ),
        )
        _translate(page, en, _wijk_fields(content, row, "en"))

    programme = _add_child(
        home,
        ThemeIndexPage(
            title=TEXT["nl"]["programma"], slug="programma", intro=TEXT["nl"]["programma_intro"]
        ),
    )
    _translate(
        programme, en, {"title": TEXT["en"]["programma"], "intro": TEXT["en"]["programma_intro"]}
    )
    for theme in content["themes"]:
        page = _add_child(programme, ThemePage(slug=theme["slug"], **_theme_fields(theme, "nl")))
        _translate(page, en, _theme_fields(theme, "en"))

    shop = _add_child(
        home,
        ParticipatiewinkelPage(
            title=TEXT["nl"]["winkel"], slug="participatiewinkel", intro=TEXT["nl"]["winkel_intro"]
        ),
    )
    _translate(shop, en, {"title": TEXT["en"]["winkel"], "intro": TEXT["en"]["winkel_intro"]})
    _load_participatiewinkel(home)
    load_measures(content)
    return home


def _load_participatiewinkel(home: HomePage) -> None:
    """The methods databank and advice page below the participatiewinkel. Also run for an existing
    tree, so a database made before they existed gets them; pages that exist are left alone."""
    from shop.methods.loader import load_methods

    from .agenda import load_demo_projects

    shop = ParticipatiewinkelPage.objects.child_of(home).first()
    if shop is not None:
        load_methods(shop)
    load_demo_projects()
