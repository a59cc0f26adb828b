"""Priority on a report (issue 14, item 6): a handler marks an open report "hoog"; the queue
shows it and filters on it, the change is in the internal notes, and the reporter and the
public never see it. Refused for whoever may not act on the report, and on a closed one."""

import pytest

from meldingen.models import Melding, Priority
from meldingen.services import MeldingError, melding_set_priority
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/meldingen/"


@pytest.fixture
def report(melding_factory, category_factory, afdeling_a):
    return melding_factory(category=category_factory(default_afdeling=afdeling_a))


def set_priority(client, melding, value):
    return client.post(f"{QUEUE}{melding.reference}/prioriteit/", {"priority-priority": value})


def test_a_handler_marks_a_report_high_and_the_queue_shows_and_filters_it(
    client, handler_a, report, melding_factory
):
    calm = melding_factory(category=report.category)
    client.force_login(handler_a)
    assert "Prioriteit opslaan" in client.get(f"{QUEUE}{report.reference}/").content.decode()
    answer = set_priority(client, report, "hoog")
    assert answer.status_code == 302
    report.refresh_from_db()
    assert report.priority == Priority.HOOG
    assert report.notes.filter(text="Prioriteit: hoog.").exists()

    queue = client.get(QUEUE).content.decode()
    assert "hoge prioriteit" in queue
    only_high = client.get(QUEUE, {"high": "on"}).content.decode()
    assert report.reference in only_high and calm.reference not in only_high


def test_the_reporter_and_the_public_never_see_it(client, handler_a, report):
    from meldingen.factories import TEST_SECRET

    melding_set_priority(melding=report, priority=Priority.HOOG, actor=handler_a)
    page = client.get(f"/melden/volg/{report.reference}/{TEST_SECRET}/").content.decode()
    assert "prioriteit" not in page.lower()


def test_an_unknown_value_keeps_the_form_with_a_specific_message(client, handler_a, report):
    client.force_login(handler_a)
    answer = set_priority(client, report, "spoed")
    assert answer.status_code == 200
    assert "Kies een prioriteit: normaal of hoog." in answer.content.decode()
    report.refresh_from_db()
    assert report.priority == Priority.NORMAAL


def test_a_closed_report_gets_no_other_priority(handler_a, report):
    Melding.objects.filter(pk=report.pk).update(status=Status.AFGEHANDELD)
    report.refresh_from_db()
    with pytest.raises(MeldingError, match="afgesloten"):
        melding_set_priority(melding=report, priority=Priority.HOOG, actor=handler_a)


@pytest.mark.parametrize("fixture", ["handler_b", "desk_employee", "resident"])
def test_others_cannot_set_it(client, request, fixture, report, handler_factory, afdeling_b):
    if fixture == "handler_b":
        user = handler_factory(afdeling=afdeling_b)
    else:
        user = request.getfixturevalue(fixture)
    client.force_login(user)
    answer = set_priority(client, report, "hoog")
    assert answer.status_code in (302, 403, 404)
    if answer.status_code == 302:
        assert answer["Location"] != f"{QUEUE}{report.reference}/"
    report.refresh_from_db()
    assert report.priority == Priority.NORMAAL
