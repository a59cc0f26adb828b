"""Pictograms beside words for residents who read with difficulty (issue 12, item 8): the
status on the follow page, in its history, on the public list and in 'Mijn Zuidwest', and the
main category's picture beside every subcategory of the intake. Always decorative (alt=""):
the word beside the picture carries the meaning."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from meldingen.factories import TEST_SECRET
from meldingen.models import Melding
from meldingen.services import melding_change_status
from meldingen.workflow import PUBLIC_ICONS, Status
from tests.meldingen.views.steps import report

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def status_labels(soup, selector=".status-label") -> list[tuple[str, str]]:
    """Each status label as (word, picture file), the picture decorative."""
    found = []
    for label in soup.select(selector):
        img = label.find("img")
        assert img is not None, label
        assert img["alt"] == "" and img["width"] == img["height"] == "24"
        found.append((label.get_text(strip=True), img["src"].rsplit("/", 1)[-1]))
    return found


def test_the_follow_page_shows_the_status_with_its_picture_now_and_in_the_history(
    client, melding_factory, handler
):
    melding = melding_factory()
    melding_change_status(
        melding=melding, to=Status.INGEPLAND, actor=handler, public_message="Volgende week."
    )
    soup = soup_of(client.get(reverse("meldingen:follow", args=[melding.reference, TEST_SECRET])))
    assert status_labels(soup, "[data-status] .status-label") == [
        ("Ingepland", "status-gepland.svg")
    ]
    history = status_labels(soup, ".timeline .status-label")
    assert history[-1] == ("Ingepland", "status-gepland.svg")


def test_the_public_list_shows_each_status_with_its_picture(
    client, categories, wijken, melding_factory, handler
):
    shown = {}
    for status in (Status.GEMELD, Status.AFGEHANDELD):
        shown[status] = melding_factory(
            category=categories["afval-naast-container"],
            wijk=wijken["moerwijk"],
            public_description=f"Vuilniszakken ({status})",
            status=status,
        )
    soup = soup_of(client.get(reverse("meldingen_public:index")))
    labels = status_labels(soup, ".melding-card .status-badge .status-label")
    assert ("Ontvangen", "status-ontvangen.svg") in labels
    assert ("Afgehandeld", "status-klaar.svg") in labels


def test_mijn_zuidwest_lists_my_report_with_its_status_picture(client, categories, resident):
    client.force_login(resident)
    report(client, categories)
    soup = soup_of(client.get(reverse("accounts:mijn")))
    assert ("Ontvangen", "status-ontvangen.svg") in status_labels(soup)


def test_a_report_moved_anywhere_keeps_a_picture_on_its_page(client, melding_factory):
    """Whatever a handler does, the resident sees a word and its picture: never a word alone."""
    for status, icon in PUBLIC_ICONS.items():
        melding = melding_factory(status=status)
        soup = soup_of(
            client.get(reverse("meldingen:follow", args=[melding.reference, TEST_SECRET]))
        )
        [(word, picture)] = status_labels(soup, "[data-status] .status-label")
        assert word == str(Melding.public_labels[status]) and picture == f"{icon}.svg"


def test_every_subcategory_of_the_intake_shows_its_main_categorys_picture(client, categories):
    soup = soup_of(client.get(reverse("meldingen:index")))
    radios = soup.select("input[name=category]")
    assert len(radios) > 10
    for radio in radios:
        category = categories_by_pk(categories)[int(radio["value"])]
        label = soup.select_one(f"label[for={radio['id']}]")
        img = label.find("img")
        assert img["alt"] == "" and "pictogram" in img["class"]
        assert img["src"].endswith(f"icons/{category.parent.icon}.svg")
        assert label.get_text(strip=True) == category.name


def test_a_search_on_the_intake_keeps_the_pictures(client, categories):
    soup = soup_of(client.get(reverse("meldingen:index"), {"q": "ratten"}))
    labels = soup.select("label.utrecht-form-label--radio")
    assert labels
    assert all(label.find("img", src=lambda s: s.endswith("ongedierte.svg")) for label in labels)


def categories_by_pk(categories) -> dict:
    return {c.pk: c for c in categories.values()}
