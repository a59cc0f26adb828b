"""Publishing (only coordinators; clashes need a confirmation), reactions, the follow-up report
(everyone who can be reached hears it once; it lands in the ledger), overdue and reminders."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from common.confirmation import mark_confirmed
from common.feedback import ledger
from common.feedback.ledger.models import LedgerEntry
from common.models import Notification
from participation.inspraak.ledger import counts
from participation.inspraak.models import Process, audiences_overlap
from participation.inspraak.services import (
    ClashesNotConfirmed,
    ProcessError,
    contribution_create,
    process_clashes,
    process_publish,
    process_publish_report,
    processes_remind_owners,
)

pytestmark = pytest.mark.django_db


def test_audiences_overlap():
    assert audiences_overlap(["jeugd"], ["jeugd", "ouders"])
    assert audiences_overlap(["iedereen"], ["ondernemers"])
    assert not audiences_overlap(["jeugd"], ["ouderen"])


def test_clashes_need_wijk_audience_and_dates_in_common(process_factory, wijken):
    today = timezone.localdate()
    moerwijk, bouwlust = wijken["moerwijk"], wijken["bouwlust"]
    mine = process_factory(wijken=[moerwijk, bouwlust], audience=["jeugd"])
    same = process_factory(wijken=[bouwlust], audience=["jeugd"])
    process_factory(wijken=[wijken["vrederust"]], audience=["jeugd"])  # other wijk
    process_factory(wijken=[moerwijk], audience=["ouderen"])  # other people
    process_factory(  # later
        wijken=[moerwijk],
        audience=["jeugd"],
        starts_on=today + dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=70),
    )
    everyone = process_factory(wijken=[moerwijk], audience=["iedereen"])
    assert process_clashes(mine) == [same, everyone]


def test_only_a_coordinator_publishes(process_factory, wijken, editor, resident, coordinator):
    process = process_factory(wijken=[wijken["moerwijk"]])
    for refused in (editor, resident):
        with pytest.raises(PermissionDenied):
            process_publish(process=process, actor=refused)
    process_publish(process=process, actor=coordinator)
    process.refresh_from_db()
    assert process.is_published and process.published_by == coordinator


def test_a_clash_must_be_confirmed(process_factory, wijken, coordinator):
    other = process_factory(wijken=[wijken["moerwijk"]], title="Enquête afval")
    process = process_factory(wijken=[wijken["moerwijk"]])
    with pytest.raises(ClashesNotConfirmed) as caught:
        process_publish(process=process, actor=coordinator)
    assert caught.value.clashes == [other]
    assert not Process.objects.get(pk=process.pk).is_published
    process_publish(process=process, actor=coordinator, confirm_clashes=True)
    process.refresh_from_db()
    assert process.is_published and process.clashes_confirmed == [other.pk]


def test_bad_dates_are_refused_when_publishing(process_factory, wijken, coordinator):
    today = timezone.localdate()
    process = process_factory(
        wijken=[wijken["moerwijk"]],
        ends_on=today + dt.timedelta(days=5),
        followup_due=today + dt.timedelta(days=1),
    )
    with pytest.raises(ProcessError) as caught:
        process_publish(process=process, actor=coordinator)
    assert "na de einddatum" in str(caught.value)


def test_reactions_only_while_open(open_process, overdue_process, process_factory):
    contribution_create(process=open_process, text="Meer bankjes graag", email="A@Example.org")
    assert open_process.contributions.get().email == "a@example.org"
    for closed in (overdue_process, process_factory()):
        with pytest.raises(ProcessError):
            contribution_create(process=closed, text="Te laat")


def test_the_report_reaches_everyone_once_and_enters_the_ledger(
    open_process, coordinator, resident, wijken
):
    open_process.wijken.add(wijken["bouwlust"])
    contribution_create(process=open_process, text="Eén", user=resident)
    contribution_create(process=open_process, text="Twee", user=resident)
    three = contribution_create(process=open_process, text="Drie", email="buur@example.org")
    mark_confirmed(three)
    contribution_create(process=open_process, text="Vier", email="buur@example.org")
    contribution_create(process=open_process, text="Vijf")  # nobody to tell
    # nor an address that was typed but never confirmed
    contribution_create(process=open_process, text="Zes", email="onbevestigd@example.org")
    process_publish_report(process=open_process, actor=coordinator, report="We doen X en Y.")
    sent = Notification.objects.filter(event="process_report")
    assert not sent.filter(email="onbevestigd@example.org").exists()
    assert sorted(n.email for n in sent) == sorted([resident.email, "buur@example.org"])
    entry = LedgerEntry.objects.get(source="inspraak")
    assert entry.answer == "We doen X en Y." and entry.on_time
    assert entry.input_url == "/inspraak/zuiderpark/"
    assert LedgerEntry.objects.in_wijk(wijken["bouwlust"]).count() == 1
    # A correction tells nobody twice.
    process_publish_report(process=open_process, actor=coordinator, report="We doen X, Y en Z.")
    assert Notification.objects.filter(event="process_report").count() == 2
    assert LedgerEntry.objects.get().answer == "We doen X, Y en Z."


def test_only_coordinator_or_owner_reports(open_process, editor, user_factory):
    with pytest.raises(PermissionDenied):
        process_publish_report(process=open_process, actor=editor, report="x")
    owner = user_factory(role="behandelaar")
    open_process.owner = owner
    open_process.save()
    process_publish_report(process=open_process, actor=owner, report="Gedaan.")
    assert Process.objects.get(pk=open_process.pk).has_report


def test_overdue_counts_until_the_report_is_out(overdue_process, open_process, coordinator):
    assert list(Process.objects.overdue()) == [overdue_process]
    # The late one counts in the share's whole (decided) from the day after its promise.
    assert counts(None) == ledger.Counts(received=2, answered=0, on_time=0, overdue=1, decided=1)
    assert counts(overdue_process.wijken.get()).overdue == 1
    process_publish_report(process=overdue_process, actor=coordinator, report="Eindelijk.")
    assert counts(None) == ledger.Counts(received=2, answered=1, on_time=0, overdue=0, decided=1)
    assert LedgerEntry.objects.get().on_time is False


def test_owners_are_reminded_once_a_week(overdue_process, user_factory):
    owner = user_factory(email="eigenaar@zuidwest.example", role="coordinator")
    overdue_process.owner = owner
    overdue_process.save()
    now = timezone.now()
    assert processes_remind_owners(now=now) == 1
    assert processes_remind_owners(now=now + dt.timedelta(days=1)) == 0
    assert processes_remind_owners(now=now + dt.timedelta(days=8)) == 1
    reminders = Notification.objects.filter(event="process_followup_overdue")
    assert [n.email for n in reminders] == ["eigenaar@zuidwest.example"] * 2


def test_without_an_owner_the_department_is_reminded(overdue_process):
    processes_remind_owners()
    assert Notification.objects.get().email == overdue_process.afdeling.email


def test_the_job_is_registered():
    from common.schedule import jobs

    assert "processes" in set(jobs())
    assert "ledger" not in set(jobs())  # the modules push their entries; nothing pulls


def test_an_english_speaking_coordinator_still_stores_the_dutch_address(open_process, coordinator):
    from django.utils import translation

    with translation.override("en"):
        process_publish_report(process=open_process, actor=coordinator, report="Done.")
    assert LedgerEntry.objects.get().input_url == "/inspraak/zuiderpark/"


def test_the_demo_processes_clash_and_one_is_overdue(wijken):
    from django.core.management import call_command

    call_command("seed_processes", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("seed_processes", "--force", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Process.objects.count() == 4
    skate = Process.objects.get(slug="skatebaan-zuiderpark")
    assert [p.slug for p in process_clashes(skate)] == ["jongeren-moerwijk-ontmoeten"]
    assert [p.slug for p in Process.objects.overdue()] == ["dreven-gaarden-zichten"]


def test_running_processes_of_a_wijk(open_process, overdue_process, process_factory, wijken):
    process_factory(wijken=[wijken["moerwijk"]])  # a concept is not running
    assert list(Process.objects.running().in_wijk(wijken["moerwijk"])) == [open_process]
    assert not Process.objects.running().in_wijk(wijken["bouwlust"]).exists()
