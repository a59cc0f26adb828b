"""The retention period is the scheduler's: `manage.py housekeeping` (cron, with the production
environment) reads it and hands it to the job, so a worker started with another environment
erases after the same number of days. And expired sessions are pruned as a housekeeping job."""

import datetime as dt

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from common.loaders import load_afdelingen
from meldingen.loaders import load_categories
from meldingen.models import Category, Melding
from meldingen.services import Intake, melding_change_status, melding_create
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def closed_report(wijken, handler):
    load_afdelingen()
    load_categories()
    report, _ = melding_create(
        intake=Intake(
            category=Category.objects.get(slug="lantaarnpaal"),
            description="De lamp is kapot.",
            postcode="2532AB",
            email="melder@example.org",
        ),
        photos=[],
    )
    melding_change_status(
        melding=report, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    Melding.objects.filter(pk=report.pk).update(closed_at=timezone.now() - dt.timedelta(days=40))
    return report


@pytest.fixture
def run_worker(monkeypatch):
    """The real `db_worker`, in batch mode. Between tasks it closes connections that are not in
    autocommit mode, which a test's transaction never is: that hygiene is switched off here."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command(
        "db_worker", batch=True, no_startup_delay=True, queue_name="*", verbosity=0
    )


def test_the_worker_erases_after_the_period_the_scheduler_was_given(
    closed_report, settings, run_worker
):
    settings.TASKS = DATABASE_TASKS
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 30  # the scheduler's environment
    call_command("housekeeping", only=["meldingen"])
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {"retention_days": 30}

    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 90  # a worker without the variable
    run_worker()

    closed_report.refresh_from_db()
    assert closed_report.reporter_email == "" and closed_report.contact_erased_at is not None


def test_a_report_within_the_period_keeps_its_contact_data(closed_report, settings, run_worker):
    settings.TASKS = DATABASE_TASKS
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 60
    call_command("housekeeping", only=["meldingen"])
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 30
    run_worker()

    closed_report.refresh_from_db()
    assert closed_report.reporter_email == "melder@example.org"


def test_housekeeping_prunes_expired_sessions_and_keeps_live_ones():
    for key, expires in (("verlopen", -1), ("geldig", 1)):
        store = SessionStore(session_key=None)
        store["melding_draft"] = {"email": f"{key}@example.org"}
        store.set_expiry(timezone.now() + dt.timedelta(days=expires))
        store.save()
    assert Session.objects.count() == 2

    call_command("housekeeping", only=["clearsessions"])

    (live,) = Session.objects.all()
    assert live.get_decoded()["melding_draft"]["email"] == "geldig@example.org"
