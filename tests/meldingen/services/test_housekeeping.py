"""Forgetting contact data, and the notices of late reports (meldingen/services/housekeeping.py)."""

import pytest
from django.core import mail
from django.utils import timezone

from common.l10n import format_day
from common.models import Afdeling
from meldingen.models import Melding
from meldingen.services import (
    melding_change_status,
    meldingen_erase_contact_data,
    meldingen_notify_overdue,
)
from meldingen.workflow import Status
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def test_contact_data_is_erased_after_the_retention_period(categories, handler, settings):
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 90
    old, _ = new_report(categories)
    recent, _ = new_report(categories)
    for melding in (old, recent):
        melding_change_status(
            melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar."
        )
    Melding.objects.filter(pk=old.pk).update(closed_at=timezone.now() - timezone.timedelta(91))
    assert meldingen_erase_contact_data() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.reporter_email == "" and old.contact_erased_at is not None
    assert recent.reporter_email == "bewoner@example.org"


def test_an_overdue_reporter_is_told_once_with_a_new_date(
    categories, django_capture_on_commit_callbacks
):
    """The promise is kept: the new date goes into expected_at, told to the reporter, and the
    report stays late (it used to move `deadline` and so leave every late list)."""
    melding, _ = new_report(categories)
    promise = timezone.now() - timezone.timedelta(1)
    Melding.objects.filter(pk=melding.pk).update(deadline=promise)
    Afdeling.objects.filter(pk=melding.afdeling_id).update(email="")  # only the reporter here
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 1
        assert meldingen_notify_overdue() == 0
    melding.refresh_from_db()
    assert melding.deadline == promise
    assert melding.expected_at > timezone.now()
    assert melding.is_overdue and Melding.objects.overdue().filter(pk=melding.pk).exists()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert format_day(promise, "nl", "weekday") in body
    assert format_day(melding.expected_at, "nl", "weekday") in body


def test_the_handler_or_else_the_department_hears_once_that_a_report_is_late(
    categories, handler_factory, django_capture_on_commit_callbacks
):
    assigned, _ = new_report(categories)
    unassigned, _ = new_report(categories, email="")
    handler = handler_factory(afdeling=assigned.afdeling)
    Afdeling.objects.filter(pk=assigned.afdeling_id).update(email="team@gemeente.example")
    Melding.objects.filter(pk=assigned.pk).update(assigned_to=handler)
    past = timezone.now() - timezone.timedelta(1)
    Melding.objects.filter(pk__in=[assigned.pk, unassigned.pk]).update(deadline=past)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert meldingen_notify_overdue() == 0  # the job runs every ten minutes: once is enough
    staff = [m for m in mail.outbox if m.to != ["bewoner@example.org"]]
    assert sorted(m.to[0] for m in staff) == sorted([handler.email, "team@gemeente.example"])
    by_handler = next(m for m in staff if m.to == [handler.email])
    assert assigned.reference in by_handler.subject and assigned.reference in by_handler.body
    assert f"/beheer/meldingen/{assigned.reference}/" in by_handler.body
    team = next(m for m in staff if m.to == ["team@gemeente.example"])
    assert unassigned.reference in team.body


def test_waiting_for_the_reporter_does_not_stop_the_clock(categories, handler):
    """Asking the reporter a question does not take a report off the late list: the promise was
    made to them (common/feedback/deadlines.py says why)."""
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.REACTIE_GEVRAAGD, actor=handler, public_message="Waar?"
    )
    Melding.objects.filter(pk=melding.pk).update(deadline=timezone.now() - timezone.timedelta(1))
    assert list(Melding.objects.overdue()) == [melding]
    melding.refresh_from_db()
    assert melding.is_overdue
    assert meldingen_notify_overdue() == 1
