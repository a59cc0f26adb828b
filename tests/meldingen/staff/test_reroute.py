"""The report page's "Categorie of afdeling wijzigen": a handler moves a misrouted report, it
leaves their queue and arrives in the other department's; refused for whoever may not act."""

import pytest

from meldingen.models import RoutingRule

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/meldingen/"


def detail(melding) -> str:
    return f"{QUEUE}{melding.reference}/"


@pytest.fixture
def report(melding_factory, category_factory, afdeling_a):
    return melding_factory(category=category_factory(default_afdeling=afdeling_a))


@pytest.fixture
def other_category(category_factory, afdeling_b, report):
    """A category routed to afdeling B (a subcategory, as residents choose them)."""
    parent = category_factory(name="Afval")
    return category_factory(name="Grofvuil", parent=parent, default_afdeling=afdeling_b)


@pytest.fixture
def handler_b(handler_factory, afdeling_b):
    return handler_factory(afdeling=afdeling_b)


def reroute(client, melding, **fields):
    data = {"reroute-category": melding.category_id, "reroute-afdeling": ""}
    data.update({f"reroute-{key}": value for key, value in fields.items()})
    return client.post(f"{detail(melding)}verplaatsen/", data)


def test_the_page_offers_categories_with_the_department_they_go_to(
    client, handler_a, report, other_category
):
    client.force_login(handler_a)
    html = client.get(detail(report)).content.decode()
    assert "Categorie of afdeling wijzigen" in html
    assert "Afval › Grofvuil → Afdeling B" in html


def test_a_wijk_rule_is_what_the_page_offers(
    client, handler_a, report, other_category, afdeling_factory, wijk_factory
):
    report.wijk = wijk_factory()
    report.save()
    RoutingRule.objects.create(
        category=other_category, wijk=report.wijk, afdeling=afdeling_factory(name="Afdeling W")
    )
    client.force_login(handler_a)
    assert "Afval › Grofvuil → Afdeling W" in client.get(detail(report)).content.decode()


def test_a_handler_moves_a_report_to_the_other_departments_queue(
    client, handler_a, handler_b, report, other_category
):
    client.force_login(handler_a)
    response = reroute(client, report, category=other_category.pk, internal_note="Is grofvuil.")
    # Out of their sight now: back to their queue, with what happened.
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    queue = client.get(QUEUE).content.decode()
    assert f"{report.reference} staat nu bij Afdeling B" in queue
    assert f'data-reference="{report.reference}"' not in queue
    assert client.get(detail(report)).status_code == 404

    client.force_login(handler_b)
    assert f'data-reference="{report.reference}"' in client.get(QUEUE).content.decode()
    page = client.get(detail(report)).content.decode()
    assert "Is grofvuil." in page and "Categorie gewijzigd" in page


def test_a_coordinator_stays_on_the_report_after_moving_it(client, coordinator, report, afdeling_b):
    client.force_login(coordinator)
    response = reroute(client, report, afdeling=afdeling_b.pk)
    assert response["Location"] == detail(report)
    report.refresh_from_db()
    assert report.afdeling == afdeling_b


def test_a_handler_of_another_department_cannot_move_it(client, handler_b, report, afdeling_b):
    client.force_login(handler_b)
    assert reroute(client, report, afdeling=afdeling_b.pk).status_code == 404
    report.refresh_from_db()
    assert report.afdeling.name == "Afdeling A"


def test_a_resident_cannot_move_it(client, resident, report, afdeling_b):
    client.force_login(resident)
    assert reroute(client, report, afdeling=afdeling_b.pk).status_code == 403
    report.refresh_from_db()
    assert report.afdeling.name == "Afdeling A"


def test_a_wrong_choice_is_a_dutch_error_that_keeps_the_note(client, handler_a, report):
    client.force_login(handler_a)
    response = reroute(client, report, category=999999, internal_note="Mijn uitleg")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies een categorie uit de lijst." in html
    assert "Mijn uitleg" in html


def test_nothing_changed_is_said_on_the_form(client, handler_a, report):
    client.force_login(handler_a)
    response = reroute(client, report)
    assert response.status_code == 200
    assert "Er verandert niets" in response.content.decode()
