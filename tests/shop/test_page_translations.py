"""Pages in every language: an editor translates a page (Wagtail's simple translation), a
handler may not; a page nobody translated yet is shown in Dutch under every prefix, marked
lang="nl" with a note in the reader's language; a translated one without the note."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from shop.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(page_tree):
    return HomePage.objects.get(locale__language_code="nl")


def test_every_language_has_a_locale(page_tree):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {
        "nl",
        "en",
        "tr",
        "ar",
        "pl",
        "bg",
    }


def test_an_editor_translates_a_page_and_a_handler_may_not(client, home, user_factory):
    turkish = Locale.objects.get(language_code="tr")
    url = reverse("simple_translation:submit_page_translation", args=[home.pk])
    handler = user_factory(role="behandelaar")
    client.force_login(handler)
    refused = client.post(url, {"locales": [turkish.pk]})
    assert (
        refused.status_code in (302, 403)
        and not Page.objects.filter(translation_key=home.translation_key, locale=turkish).exists()
    )
    editor = user_factory(role="redacteur")
    client.force_login(editor)
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [turkish.pk]})
    assert response.status_code == 302
    assert Page.objects.filter(translation_key=home.translation_key, locale=turkish).exists()


def test_an_untranslated_page_is_dutch_with_a_note_in_the_readers_language(client, home):
    polish = client.get("/pl/").content.decode()
    assert '<main id="main" class="site-main" tabindex="-1" lang="nl" dir="ltr">' in polish
    assert "Ta strona nie jest jeszcze przetłumaczona" in polish
    assert home.title in polish
    arabic = client.get("/ar/").content.decode()
    assert 'dir="rtl"' in arabic.split("<main")[0]  # the page itself is right to left
    assert 'class="utrecht-paragraph untranslated-note" role="note" lang="ar" dir="rtl"' in arabic


def test_a_translated_page_has_no_note(client, home):
    english = client.get("/en/").content.decode()  # the demo tree has English pages
    assert "untranslated-note" not in english
    dutch = client.get("/").content.decode()
    assert "untranslated-note" not in dutch
