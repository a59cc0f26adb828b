"""An initiative's status with its pictogram beside the word (issue 12, item 8): in the public
gallery, on its page and its timeline, and on the initiator's own page. Decorative (alt="")."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def labels(html: str, selector: str = ".status-label") -> list[tuple[str, str]]:
    found = []
    for label in BeautifulSoup(html, "html.parser").select(selector):
        img = label.find("img")
        assert img is not None and img["alt"] == "", label
        found.append((label.get_text(strip=True), img["src"].rsplit("/", 1)[-1]))
    return found


def test_the_gallery_and_the_public_page_show_the_status_with_its_picture(client, taken):
    initiative = taken(publish_consent=True, title="Taalcafé in de bieb")
    gallery = client.get("/initiatieven/").content.decode()
    assert labels(gallery, ".initiative-card__status .status-label") == [
        ("In gesprek met de gemeente", "status-gesprek.svg")
    ]
    page = client.get(reverse("initiatives:detail", args=[initiative.reference])).content.decode()
    assert ("In gesprek met de gemeente", "status-gesprek.svg") in labels(
        page, ".facts .status-label"
    )
    assert labels(page, ".timeline .status-label") == [
        ("Ingediend: de gemeente neemt contact op", "status-ontvangen.svg"),
        ("In gesprek met de gemeente", "status-gesprek.svg"),
    ]


def test_the_initiator_sees_the_status_picture_on_their_own_page(client, submit):
    initiative = submit()
    client.force_login(initiative.initiator)
    html = client.get(reverse("initiatives:mine", args=[initiative.pk])).content.decode()
    assert ("Ingediend: de gemeente neemt contact op", "status-ontvangen.svg") in labels(
        html, ".facts .status-label"
    )
    mijn = client.get(reverse("accounts:mijn")).content.decode()
    assert ("Ingediend: de gemeente neemt contact op", "status-ontvangen.svg") in labels(mijn)


def test_a_publication_step_in_the_timeline_has_no_status_picture(client, submit):
    """Only a status has a picture; 'publicatie' is no status, and stays a word."""
    from initiatives.models import InitiativeEvent

    initiative = submit(publish_consent=False)
    event = InitiativeEvent.objects.create(
        initiative=initiative,
        kind=InitiativeEvent.Kind.PUBLICATION,
        actor_kind="initiator",
        to_status="ingediend",
    )
    assert event.public_icon == "" and event.public_label == "publicatie"
    assert initiative.events.filter(kind="status").get().public_icon == "status-ontvangen"
