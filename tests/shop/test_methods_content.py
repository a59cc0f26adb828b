"""The databank's content (data/methods.json) and how the demo tree loads it: at least 25
complete methods in plain Dutch with an English translation, loaded once."""

import re

import pytest
from wagtail.models import Locale

from shop.methods.loader import read_methods
from shop.methods.pages import AdvicePage, MethodIndexPage, MethodPage
from shop.methods.vocabulary import Audience, Channel, Cost, Duration, Goal, Influence, Suitability

TEXT_FIELDS = ("title", "summary", "goal", "duration_note", "cost_note", "access_note", "example")


def test_the_data_file_holds_at_least_25_complete_methods_in_both_languages():
    methods = read_methods()["methods"]
    assert len(methods) >= 25
    assert len({m["slug"] for m in methods}) == len(methods)
    for method in methods:
        assert method["influence"] and set(method["influence"]) <= set(Influence.values)
        assert method["goals"] and set(method["goals"]) <= set(Goal.values)
        assert method["audiences"] and set(method["audiences"]) <= set(Audience.values)
        assert method["channels"] and set(method["channels"]) <= set(Channel.values)
        assert method["duration"] in Duration.values and method["cost"] in Cost.values
        assert {method["low_literacy"], method["other_languages"]} <= set(Suitability.values)
        assert 1 <= method["group"][0] <= method["group"][1]
        for language in ("nl", "en"):
            text = method[language]
            assert all(text[name].strip() for name in TEXT_FIELDS), (method["slug"], language)
            assert len(text["steps"]) >= 4 and len(text["pitfalls"]) >= 2
            assert len(text["steps"]) == len(method["nl"]["steps"])


def test_examples_are_framed_as_examples_and_invent_no_figures():
    for method in read_methods()["methods"]:
        assert method["nl"]["example"].startswith("Stel:"), method["slug"]
        assert method["en"]["example"].startswith("Suppose"), method["slug"]
        for language in ("nl", "en"):
            assert not re.search(r"\d", method[language]["example"]), method["slug"]


def test_dutch_texts_use_short_sentences():
    """B1: sentences of at most 25 words, about 10 on average."""
    lengths = []
    for method in read_methods()["methods"]:
        text = method["nl"]
        for part in [text["summary"], text["goal"], text["example"], *text["steps"]]:
            lengths += [len(s.split()) for s in re.split(r"(?<=[.?!])\s+", part) if s]
    assert max(lengths) <= 25
    assert sum(lengths) / len(lengths) <= 13


@pytest.mark.django_db
def test_the_demo_tree_has_the_databank_and_advice_in_dutch_and_english(client, page_tree):
    slugs = [m["slug"] for m in read_methods()["methods"]]
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    dutch = MethodPage.objects.live().filter(locale=nl)
    assert sorted(dutch.values_list("slug", flat=True)) == sorted(slugs)
    english = MethodPage.objects.live().filter(locale=en)
    assert set(english.values_list("translation_key", flat=True)) == set(
        dutch.values_list("translation_key", flat=True)
    )
    assert MethodIndexPage.objects.live().count() == 2
    assert AdvicePage.objects.live().count() == 2

    response = client.get("/en/participatiewinkel/methoden/wijkschouw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Neighbourhood walk-through" in html and "Suppose residents of Bouwlust" in html
    assert '<html lang="en"' in html
    listing = client.get("/participatiewinkel/methoden/").content.decode()
    assert f"Alle {len(slugs)} methoden" in listing
    assert client.get("/en/participatiewinkel/advies/").status_code == 200
    # The participatiewinkel's front page points at both, in both languages.
    front = client.get("/participatiewinkel/").content.decode()
    assert 'href="/participatiewinkel/methoden/"' in front
    assert 'href="/participatiewinkel/advies/"' in front
    front_en = client.get("/en/participatiewinkel/").content.decode()
    assert 'href="/en/participatiewinkel/methoden/"' in front_en and "See the methods" in front_en

    # Loading again adds nothing and keeps what an editor changed; a deleted method returns.
    edited = dutch.get(slug="wijkschouw")
    edited.title = "Wijkschouw met de wijkagent"
    edited.save()
    dutch.get(slug="buurtmaaltijd").get_translation(en).delete()
    dutch.get(slug="buurtmaaltijd").delete()
    from demo.pages import load_page_tree

    load_page_tree()
    assert (
        MethodPage.objects.get(locale=nl, slug="wijkschouw").title == "Wijkschouw met de wijkagent"
    )
    assert MethodPage.objects.filter(locale=nl).count() == len(slugs)
    assert MethodPage.objects.filter(locale=en).count() == len(slugs)
    assert client.get("/participatiewinkel/").content.decode().count("Bekijk de methoden") == 1
