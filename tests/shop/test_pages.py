import re

import pytest

from common.factories import WijkFactory
from shop.models import HomePage, WijkIndexPage, WijkPage

pytestmark = pytest.mark.django_db

ENTRY_PAGES = [
    "/melden/",
    "/initiatieven/",
    "/wijkbudget/",
    "/participatiewinkel/",
    "/agenda/",
    "/terugkoppeling/",
]


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def page_in(client, path: str, language: str) -> str:
    """The page's HTML, after checking that it answers and says which language it is in."""
    response = client.get(path)
    assert response.status_code == 200
    assert html_lang(response) == language
    return response.content.decode()


def test_home_is_dutch_with_programme_content(client, page_tree):
    html = page_in(client, "/", "nl")
    assert "Leren in de wijk" in html or "Leren in wijk" in html
    for label in ["Melden", "Initiatieven", "Wijkbudget", "Participatiewinkel"]:
        assert label in html
    assert 'href="#main"' in html  # skip link


def test_home_in_english_under_en(client, page_tree):
    html = page_in(client, "/en/", "en")
    assert "Report" in html and "Neighbourhood budget" in html
    # the switcher points back to Dutch
    assert 'href="/" lang="nl"' in html


@pytest.mark.parametrize("path", ENTRY_PAGES)
def test_every_entry_page_answers_in_both_languages(client, page_tree, path):
    page_in(client, path, "nl")
    page_in(client, f"/en{path}", "en")


def test_every_wijk_has_a_page_in_both_languages(client, page_tree, wijken):
    for slug, wijk in wijken.items():
        response = client.get(f"/wijken/{slug}/")
        assert response.status_code == 200
        assert wijk.name in response.content.decode()
        assert client.get(f"/en/wijken/{slug}/").status_code == 200


def test_loading_the_page_tree_twice_changes_nothing(page_tree):
    from demo.pages import load_page_tree

    count = HomePage.objects.count() + WijkPage.objects.count()
    load_page_tree()
    assert HomePage.objects.count() + WijkPage.objects.count() == count


def test_home_queries_do_not_grow_with_the_number_of_wijken(
    client, page_tree, django_assert_max_num_queries
):
    client.get("/")  # warm caches (site root, locales)
    with django_assert_max_num_queries(40) as before:
        client.get("/")
    index = WijkIndexPage.objects.get(locale__language_code="nl")
    for n in range(5):
        wijk = WijkFactory()
        index.add_child(instance=WijkPage(title=f"Extra {n}", slug=f"extra-{n}", wijk=wijk))
    with django_assert_max_num_queries(len(before.captured_queries)):
        response = client.get("/")
    assert "Extra 4" in response.content.decode()


def test_an_unknown_page_gets_a_helpful_404(client, page_tree):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
