"""Moving a misrouted report to another category or department (services/triage.py): routed by
the rules, recorded internally, the reporter told only of a later date, the queues told live."""

import pytest
from django.core import mail

from common.l10n import format_day
from common.realtime import group_name
from common.workdays import add_working_days
from meldingen.models import RoutingRule
from meldingen.services import MeldingError, melding_reroute
from meldingen.services import triage as triage_module
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    events = []
    monkeypatch.setattr(
        triage_module, "publish_event", lambda group, event, payload: events.append((group, event))
    )
    return events


@pytest.fixture
def report(melding_factory, category_factory, afdeling_a):
    return melding_factory(category=category_factory(default_afdeling=afdeling_a, handling_days=5))


def test_another_category_takes_the_department_its_routing_rule_gives(
    report, handler_a, category_factory, afdeling_b, afdeling_factory, published
):
    other = category_factory(default_afdeling=afdeling_factory(), handling_days=5)
    RoutingRule.objects.create(category=other, wijk=report.wijk, afdeling=afdeling_b)
    moved = melding_reroute(melding=report, actor=handler_a, category=other)
    moved.refresh_from_db()
    assert moved.category == other
    assert moved.afdeling == afdeling_b
    note = moved.notes.get()
    assert "Categorie gewijzigd" in note.text and "Afdeling B" in note.text
    assert note.author == handler_a
    # Out of A's queue, into B's, live.
    assert (group_name("meldingen", "afdeling", afdeling_b.pk), "melding.new") in published
    assert (group_name("meldingen", "afdeling", report.afdeling_id), "melding.changed") in published


def test_a_chosen_department_wins_over_the_routing(report, handler_a, afdeling_b):
    moved = melding_reroute(
        melding=report, actor=handler_a, category=report.category, afdeling=afdeling_b
    )
    assert moved.afdeling == afdeling_b
    assert moved.category == report.category
    assert "Afdeling gewijzigd van Afdeling A naar Afdeling B." in moved.notes.get().text


def test_the_assigned_colleague_who_cannot_see_it_any_more_is_let_go(report, handler_a, afdeling_b):
    report.assigned_to = handler_a
    report.save()
    moved = melding_reroute(
        melding=report, actor=handler_a, category=report.category, afdeling=afdeling_b
    )
    assert moved.assigned_to is None


def test_no_mail_when_nothing_changes_for_the_reporter(
    report, handler_a, afdeling_b, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = melding_reroute(
            melding=report, actor=handler_a, category=report.category, afdeling=afdeling_b
        )
    assert mail.outbox == []
    assert moved.expected_at is None


def test_a_longer_term_tells_the_reporter_a_new_date_and_keeps_the_promise(
    report, handler_a, category_factory, afdeling_b, django_capture_on_commit_callbacks
):
    promise = report.deadline
    slower = category_factory(default_afdeling=afdeling_b, handling_days=15)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = melding_reroute(melding=report, actor=handler_a, category=slower)
    moved.refresh_from_db()
    assert moved.deadline == promise  # never moved: "late" still counts from it
    assert moved.expected_at == add_working_days(promise, 10)
    [message] = mail.outbox
    assert message.to == [report.reporter_email]
    assert format_day(moved.expected_at, "nl", "weekday") in message.body
    assert format_day(promise, "nl", "weekday") in message.body
    assert "Afdeling" not in message.body  # which department is staff business


def test_a_shorter_term_does_not_move_any_date(
    report, handler_a, category_factory, afdeling_b, django_capture_on_commit_callbacks
):
    quicker = category_factory(default_afdeling=afdeling_b, handling_days=2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = melding_reroute(melding=report, actor=handler_a, category=quicker)
    assert moved.expected_at is None
    assert mail.outbox == []


def test_a_handler_of_another_department_is_refused(report, handler_factory, afdeling_b):
    outsider = handler_factory(afdeling=afdeling_b)
    with pytest.raises(MeldingError, match="niet behandelen"):
        melding_reroute(
            melding=report, actor=outsider, category=report.category, afdeling=afdeling_b
        )
    report.refresh_from_db()
    assert report.afdeling.name == "Afdeling A"


def test_nothing_to_change_is_refused(report, handler_a):
    with pytest.raises(MeldingError, match="verandert niets"):
        melding_reroute(melding=report, actor=handler_a, category=report.category)


def test_a_report_cannot_become_sensitive(report, handler_a, sensitive_category_factory):
    with pytest.raises(MeldingError, match="gevoelig"):
        melding_reroute(melding=report, actor=handler_a, category=sensitive_category_factory())


def test_a_closed_report_is_not_moved(report, handler_a, afdeling_b):
    report.status = Status.AFGEHANDELD
    report.save()
    with pytest.raises(MeldingError, match="afgesloten"):
        melding_reroute(
            melding=report, actor=handler_a, category=report.category, afdeling=afdeling_b
        )
