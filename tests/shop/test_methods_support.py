"""A small page tree for the databank tests: home, participatiewinkel, the methods index with a
handful of methods, and the advice page. Building the full demo tree (`page_tree`, 29 methods
in two languages) takes seconds; these tests need only a few methods with known facts."""

from types import SimpleNamespace

from wagtail.models import Locale, Page, Site

from shop.methods.pages import AdvicePage, MethodIndexPage, MethodPage
from shop.models import HomePage, ParticipatiewinkelPage

DEFAULTS = {
    "summary": "Een korte omschrijving.",
    "goal": "Wat het oplevert.",
    "goals": ["mening"],
    "influence": ["raadplegen"],
    "audiences": ["bewoners"],
    "channels": ["offline"],
    "group_min": 5,
    "group_max": 30,
    "duration": "kort",
    "cost": "laag",
    "low_literacy": "aanpassing",
    "other_languages": "aanpassing",
    "steps": [("step", "Nodig mensen uit."), ("step", "Praat met elkaar.")],
    "pitfalls": [("pitfall", "Geen terugkoppeling.")],
    "example": "Stel: bewoners in Moerwijk praten over hun straat.",
}

# Three methods whose facts the tests know by heart.
METHODS = {
    "buurtgesprek": {
        "title": "Buurtgesprek",
        "goals": ["mening", "contact"],
        "influence": ["raadplegen", "adviseren"],
        "audiences": ["bewoners", "ouderen"],
        "low_literacy": "goed",
        "keywords": "bewonersavond, koffie",
    },
    "online-peiling": {
        "title": "Online peiling",
        "goals": ["mening"],
        "audiences": ["bewoners", "jeugd"],
        "channels": ["online"],
        "group_min": 50,
        "group_max": 5000,
        "low_literacy": "lastig",
    },
    "wijkbudget": {
        "title": "Wijkbudget",
        "goals": ["kiezen", "ideeen"],
        "influence": ["meebeslissen"],
        "audiences": ["bewoners", "jeugd", "ouderen"],
        "channels": ["offline", "online"],
        "group_min": 100,
        "group_max": 5000,
        "duration": "lang",
        "cost": "hoog",
        "summary": "Bewoners stemmen over geld voor hun wijk.",
    },
}


def add_method(index: MethodIndexPage, slug: str, **facts) -> MethodPage:
    fields = {**DEFAULTS, "title": slug.replace("-", " ").capitalize(), **facts}
    page = MethodPage(slug=slug, **fields)
    index.add_child(instance=page)
    return page


def build_databank() -> SimpleNamespace:
    nl, _created = Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node()
    home = HomePage(title="Zuidwest", slug="zuidwest", locale=nl)
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Zuidwest", "root_page": home},
    )
    shop = home.add_child(
        instance=ParticipatiewinkelPage(title="Participatiewinkel", slug="participatiewinkel")
    )
    index = shop.add_child(instance=MethodIndexPage(title="Methoden", slug="methoden"))
    advice = shop.add_child(
        instance=AdvicePage(
            title="Advies op maat", slug="advies", request_intro="Stel uw vraag aan ons."
        )
    )
    methods = {slug: add_method(index, slug, **facts) for slug, facts in METHODS.items()}
    return SimpleNamespace(home=home, shop=shop, index=index, advice=advice, methods=methods)
