"""The databank at /participatiewinkel/methoden/: filters with counts, search, the method page,
and a query count that does not grow with the number of methods."""

import re

import pytest

from shop.methods.pages import MethodPage

from .method_examples import EVERY_FILTER
from .test_methods_support import add_method, build_databank

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank(db):
    return build_databank()


URL = "/participatiewinkel/methoden/"


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li class="card method-card">\s*<h3[^>]*><a[^>]*>([^<]+)</a>', html)


def count_label(response, name: str, value: str) -> str:
    """The label next to a filter checkbox, e.g. 'Ouderen (2)'."""
    html = response.content.decode()
    match = re.search(
        rf'name="{name}" value="{value}" id="([^"]+)"[^>]*>\s*<label[^>]*>([^<]+)'
        r'<span class="facet-count">\((\d+)\)</span>',
        html,
    )
    assert match, f"no checkbox for {name}={value}"
    return f"{match.group(2).strip()} ({match.group(3)})"


def test_the_index_lists_live_methods_with_a_count_per_filter_value(client, databank):
    draft = add_method(databank.index, "concept", title="Concept")
    draft.unpublish()
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Buurtgesprek", "Online peiling", "Wijkbudget"]
    assert "Alle 3 methoden" in response.content.decode()
    assert count_label(response, "doelgroep", "ouderen") == "Ouderen (2)"
    assert count_label(response, "doelgroep", "ondernemers") == "Ondernemers (0)"
    assert count_label(response, "vorm", "online") == "Online (2)"
    assert count_label(response, "toegankelijk", "laaggeletterd").endswith("(1)")
    assert count_label(response, "kosten", "hoog") == "Meer dan € 10.000 (1)"


def test_filters_narrow_the_list_keep_the_boxes_ticked_and_can_be_removed(client, databank):
    response = client.get(URL, {"doelgroep": "ouderen", "vorm": "online"})
    html = response.content.decode()
    assert titles(response) == ["Wijkbudget"]
    assert "1 methode gevonden" in html
    assert re.search(r'name="doelgroep" value="ouderen" id="[^"]+" checked', html)
    assert re.search(r'name="vorm" value="online" id="[^"]+" checked', html)
    # Counts answer "what if I tick this too": within 'ouderen', two are offline.
    assert count_label(response, "vorm", "offline") == "Op locatie (2)"
    # Each chosen value is a link that removes only that value.
    assert 'href="?doelgroep=ouderen"' in html
    assert 'href="?vorm=online"' in html
    assert client.get(URL + "?doelgroep=ouderen").status_code == 200


def test_a_filter_without_results_says_what_to_do(client, databank):
    response = client.get(URL, {"doelgroep": "ondernemers"})
    assert titles(response) == []
    assert "Haal een filter weg" in response.content.decode()


def test_unknown_filter_values_are_ignored(client, databank):
    response = client.get(URL, {"doelgroep": "<script>", "kosten": "gratis", "q": ""})
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert "<script>" not in response.content.decode()


def test_search_finds_words_in_title_summary_and_keywords_and_combines_with_filters(
    client, databank
):
    assert titles(client.get(URL, {"q": "peiling"})) == ["Online peiling"]
    assert titles(client.get(URL, {"q": "KOFFIE"})) == ["Buurtgesprek"]  # a keyword
    assert titles(client.get(URL, {"q": "stemmen geld"})) == ["Wijkbudget"]  # the summary
    assert titles(client.get(URL, {"q": "stemmen koffie"})) == []  # every word must match
    response = client.get(URL, {"q": "online", "doelgroep": "ouderen"})
    assert titles(response) == []  # 'online' is only in the poll's title, and it is not for ouderen
    html = response.content.decode()
    assert 'value="online"' in html  # what was typed stays in the box
    assert "“online”" in html
    # Counts follow the search: within "online" one method is for jeugd.
    assert count_label(response, "doelgroep", "jeugd") == "Kinderen en jongeren (1)"


def test_the_method_page_shows_its_facts_ladder_steps_and_a_framed_example(client, databank):
    response = client.get(URL + "buurtgesprek/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Buurtgesprek</h1>' in html
    assert "5 tot 30 per keer" in html
    assert "Binnen twee weken" in html
    rungs = re.findall(r'<li class="ladder__rung( ladder__rung--fits)?">', html)
    assert [bool(fits) for fits in rungs] == [False, True, True, False, False]
    assert "Nodig mensen uit." in html and "Geen terugkoppeling." in html
    assert "Voorbeeld: zo kan het gaan in Zuidwest" in html
    assert "geen verslag van een echt project" in html
    assert 'href="/participatiewinkel/advies/"' in html


def test_the_index_costs_the_same_queries_with_more_methods_and_all_filters(
    client, databank, django_assert_max_num_queries
):
    every_filter = EVERY_FILTER
    client.get(URL, every_filter)  # warm the site root and locale caches
    with django_assert_max_num_queries(50) as before:
        first = client.get(URL, every_filter)
    for n in range(12):
        add_method(databank.index, f"extra-{n}", title=f"Extra {n}", low_literacy="goed")
    with django_assert_max_num_queries(len(before.captured_queries)):
        second = client.get(URL, every_filter)
    assert len(titles(second)) == len(titles(first)) + 12


def test_an_editor_ticks_facts_as_checkboxes_and_unknown_values_are_refused(admin_client, databank):
    page = databank.methods["buurtgesprek"]
    response = admin_client.get(f"/beheer/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'type="checkbox" name="audiences" value="ouderen"[^>]*checked', html)
    page.audiences = ["ouderen", "marsmannetjes"]
    with pytest.raises(Exception, match="marsmannetjes"):
        page.full_clean()
    assert MethodPage.objects.get(pk=page.pk).audiences == ["bewoners", "ouderen"]


def test_a_long_list_is_split_into_pages_that_keep_the_filters(client, databank, monkeypatch):
    monkeypatch.setattr("shop.methods.views.methods.PAGE_SIZE", 2)
    first = client.get(URL, {"doelgroep": "bewoners"})
    assert titles(first) == ["Buurtgesprek", "Online peiling"]
    html = first.content.decode()
    assert "3 methoden gevonden" in html and "Pagina 1 van 2" in html
    assert 'href="?doelgroep=bewoners&amp;pagina=2"' in html
    assert titles(client.get(URL, {"doelgroep": "bewoners", "pagina": "2"})) == ["Wijkbudget"]
    assert titles(client.get(URL, {"doelgroep": "bewoners", "pagina": "99"})) == ["Wijkbudget"]


def test_an_editor_adds_a_method_in_wagtail_and_it_is_filterable(client, databank, editor):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(editor)
    add_url = f"/beheer/pages/add/shop/methodpage/{databank.index.pk}/"
    assert client.get(add_url).status_code == 200
    data = nested_form_data(
        {
            "title": "Buurtfeest",
            "slug": "buurtfeest",
            "summary": "Een feest in de straat om elkaar te leren kennen.",
            "goal": "Contact tussen buren.",
            "group_min": "20",
            "group_max": "200",
            "duration": "middel",
            "cost": "middel",
            "low_literacy": "goed",
            "other_languages": "goed",
            "steps": streamfield([("step", "Vraag een vergunning aan.")]),
            "pitfalls": streamfield([]),
            "action-publish": "publish",
        }
    )
    data.update({"goals": ["contact"], "influence": ["informeren"], "audiences": ["bewoners"]})
    data["channels"] = ["offline"]
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = MethodPage.objects.get(slug="buurtfeest")
    assert page.live and page.goals == ["contact"] and page.channels == ["offline"]
    assert titles(client.get(URL, {"doel": "contact", "toegankelijk": "anderstalig"})) == [
        "Buurtfeest"
    ]
