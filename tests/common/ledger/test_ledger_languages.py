"""The ledger is stored as data and read in the reader's language: a report's category and its
public status, an initiative's grant in the language's money format, a wijkbudget count; the
Dutch words stay for the admin. A page of entries with references costs one query more however
many entries (the names of all their categories at once)."""

import pytest
from django.utils import translation

from common.feedback import ledger, texts
from common.feedback.ledger.models import LedgerEntry, in_reader_language
from meldingen.loaders import load_categories
from meldingen.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def lantaarnpaal(afdeling_factory):
    afdeling_factory(slug="stadsbeheer-straat", name="Stadsbeheer")
    load_categories()
    return Category.objects.get(slug="lantaarnpaal")


def test_a_sentence_with_money_is_worded_per_language():
    parts = [texts.msg("Toegekend bedrag: %(amount)s.", amount=texts.euros(125050))]
    dutch = texts.render(parts, "nl")
    english = texts.render(parts, "en")
    assert dutch.startswith("Toegekend bedrag:") and "1.250,50" in dutch
    assert english.startswith("Amount granted") or english != dutch
    assert texts.render(parts, "tr") != dutch  # the Turkish catalogue has it


def test_typed_words_stay_as_typed():
    assert texts.render([texts.literal("Wij hebben de boom gesnoeid.")], "ar") == (
        "Wij hebben de boom gesnoeid."
    )


def test_a_report_in_the_ledger_reads_in_the_visitors_language(
    client, closed_melding, lantaarnpaal, django_capture_on_commit_callbacks
):
    melding = closed_melding(category=lantaarnpaal)
    with django_capture_on_commit_callbacks(execute=True):
        ledger.push(melding)
    entry = LedgerEntry.objects.get(source="meldingen")
    # stored as data, with the Dutch words for the admin
    assert entry.title_parts == [{"ref": "meldingen.category", "pk": lantaarnpaal.pk}]
    assert "Lantaarnpaal" in entry.title
    dutch = client.get("/terugkoppeling/").content.decode()
    english = client.get("/en/terugkoppeling/").content.decode()
    turkish = client.get("/tr/terugkoppeling/").content.decode()
    assert "Straat en verlichting › Lantaarnpaal of straatlicht kapot" in dutch
    assert "Street and lighting › Street light broken" in english
    assert "Sokak lambası bozuk" in turkish
    assert "Lantaarnpaal" not in english and "Lantaarnpaal" not in turkish
    with translation.override("en"):
        answer = str(melding.public_label)
    assert answer in english


@pytest.mark.parametrize("rows", [1, 15])
def test_naming_the_categories_is_one_query_for_the_page(
    rows,
    lantaarnpaal,
    closed_melding,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(rows):
            ledger.push(closed_melding(category=lantaarnpaal))
    entries = list(LedgerEntry.objects.all())
    with django_assert_num_queries(1), translation.override("pl"):
        worded = in_reader_language(entries)
    assert all("Latarnia" in entry.title for entry in worded)
