"""Site search /zoeken/: pages of the visitor's language, the methods of the databank, and
upcoming activities from the agenda, each kind in its own group (tests/shop/test_site_search.py
has the residents' queries over the whole demo)."""

import pytest
from django.db import connection
from django.urls import reverse

from participation.agenda.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def search(client, q, prefix=""):
    return client.get(prefix + reverse("shop:search"), {"q": q}).content.decode()


def test_search_finds_pages_and_methods_in_dutch(client, page_tree):
    html = search(client, "wijkschouw")
    assert "resultaat gevonden" in html or "resultaten gevonden" in html
    assert 'href="/participatiewinkel/methoden/wijkschouw/"' in html
    assert "Participatiemethode" in html  # the kind of page is named
    html = search(client, "Twickelstraat")
    assert "Samenwerken Twickelstraat" in html  # a development project
    html = search(client, "Moerwijk")
    assert 'href="/wijken/moerwijk/"' in html
    assert "/en/" not in html.split('id="search-results"')[1].split("</section>")[0]


def test_search_in_english_finds_english_pages(client, page_tree):
    html = search(client, "neighbourhoods", prefix="/en")
    assert 'href="/en/wijken/"' in html


def test_search_shows_upcoming_activities(client, page_tree, wijken):
    ActivityFactory(wijk=wijken["moerwijk"], title="Taalcafé in de bibliotheek")
    ActivityFactory(wijk=wijken["moerwijk"], title="Taalcafé verborgen", is_published=False)
    html = search(client, "taalcafé bibliotheek")
    assert "Agenda <span" in html and "Taalcafé in de bibliotheek" in html
    assert "verborgen" not in html


def test_an_empty_or_odd_query_is_no_error(client, page_tree):
    assert "Waar zoekt u naar?" in search(client, "")
    html = search(client, "qqqzzzxxx")
    assert "Niets gevonden" in html
    for odd in ['"', "AND OR NOT", "*", "x" * 5000, "'); DROP TABLE", "-"]:
        assert client.get(reverse("shop:search"), {"q": odd}).status_code == 200
    response = client.get(reverse("shop:search"), {"q": "wijk", "pagina": "999"})
    assert response.status_code == 200


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Dutch stemming is PostgreSQL full text search"
)
def test_dutch_stemming_with_the_production_search_config(client, settings, page_tree):
    """Production settings give Wagtail's database backend SEARCH_CONFIG 'dutch' on PostgreSQL:
    'speeltuin' then finds a page that only says 'speeltuinen'."""
    from shop.models import ContentPage, HomePage

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
    }
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Buitenspelen", slug="buitenspelen", intro="Nieuwe speeltuinen.")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = search(client, "speeltuin")
    assert 'href="/buitenspelen/"' in html
