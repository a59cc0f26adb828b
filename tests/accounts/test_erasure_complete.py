"""Nothing of a person is left behind: one person takes part in every module (with and without
logging in), then deletes the account — or, without an account, a closed report passes its
retention period — and a dump of the whole database holds neither their name, nor their address,
nor their phone number."""

import datetime as dt
import io
import json

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log

from accounts.models import User
from accounts.services import user_delete
from common.loaders import load_afdelingen
from common.models import Notification
from common.notifications import notify
from initiatives.factories import InitiativeFactory
from initiatives.models import BrokerWijk
from initiatives.services import (
    booking_create,
    consultation_hour_create,
    initiative_invite,
    initiative_submit,
    initiative_volunteer,
)
from meldingen.loaders import load_categories
from meldingen.models import Category, Melding, Subscription
from meldingen.services import (
    Intake,
    melding_change_status,
    melding_create,
    melding_support,
    subscription_confirm,
)
from meldingen.workflow import Status
from participation.agenda.factories import ActivityFactory
from participation.agenda.services import registration_create
from participation.inspraak.factories import PublishedProcessFactory
from participation.inspraak.services import contribution_create
from participation.wijkbudget.factories import RoundFactory, ago
from participation.wijkbudget.services.proposals import proposal_submit
from shop.methods.services import advice_request_create

pytestmark = pytest.mark.django_db

NAME = "Zeynep Testpersoon-Oudeweg"
EMAIL = "zeynep.oudeweg@example.org"
PHONE = "0687654321"


def whole_database() -> str:
    """Every row of every installed model, as `dumpdata` writes it (no natural keys), plus the
    decoded sessions (their data is stored encoded)."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    sessions = [s.get_decoded() for s in Session.objects.all()]
    return (out.getvalue() + json.dumps(sessions, default=str)).lower()


def traces(dump: str) -> list[str]:
    """Each place one of the person's values is found, with what surrounds it."""
    found = []
    for value in (NAME, EMAIL, PHONE, "testpersoon"):
        start = dump.find(value.lower())
        if start >= 0:
            found.append(dump[max(0, dump.rfind('"model"', 0, start)) : start + 60])
    return found


def next_week(hour: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=7)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def new_report(slug: str = "lantaarnpaal", reporter=None, **values):
    """A report through the intake service, in Moerwijk unless a postcode is given."""
    values.setdefault("description", "De lamp is kapot.")
    values.setdefault("postcode", "2532AB")
    intake = Intake(category=Category.objects.get(slug=slug), **values)
    return melding_create(intake=intake, photos=[], reporter=reporter)[0]


@pytest.fixture
def categories(wijken):
    load_afdelingen()
    load_categories()
    return {c.slug: c for c in Category.objects.all()}


@pytest.fixture
def neighbour(resident_factory):
    return resident_factory(email="buur@example.org", display_name="Buurvrouw Bep")


@pytest.fixture
def broker(broker_factory, wijken):
    broker = broker_factory()
    BrokerWijk.objects.create(broker=broker, wijk=wijken["moerwijk"])
    return broker


def test_deleting_an_account_leaves_nothing_of_the_person_anywhere(
    resident_factory, neighbour, broker, handler, coordinator, categories, wijken
):
    moerwijk = wijken["moerwijk"]
    person = resident_factory(email=EMAIL, display_name=NAME, wijk=moerwijk)
    client = Client()
    client.force_login(person)  # a live session on some phone

    # meldingen: a report with contact data, a sensitive report while logged in, a supporter
    report = new_report(reporter=person, email=EMAIL, phone=PHONE)
    new_report(
        "drugshandel",
        reporter=person,
        description="Elke avond handel bij de flat",
        postcode="2541AA",
        email=EMAIL,
        phone=PHONE,
    )
    theirs = new_report(description="Losse stoeptegel", email="buur@example.org")
    melding_support(melding=theirs, email=EMAIL)  # without logging in
    melding_change_status(
        melding=report, to=Status.IN_BEHANDELING, actor=handler, public_message="We kijken."
    )
    melding_change_status(
        melding=theirs, to=Status.IN_BEHANDELING, actor=handler, public_message="We kijken."
    )

    # agenda: a sign-up without logging in
    registration_create(
        activity=ActivityFactory(wijk=moerwijk), name=NAME, email=EMAIL, phone=PHONE
    )

    # initiatives: their own initiative, a co-initiator invitation from the neighbour, a
    # spreekuur booking, volunteering
    own = initiative_submit(
        initiative=InitiativeFactory(initiator=person, wijk=moerwijk, publish_consent=True),
        actor=person,
    )
    neighbours = initiative_submit(
        initiative=InitiativeFactory(initiator=neighbour, wijk=moerwijk, publish_consent=True),
        actor=neighbour,
    )
    initiative_invite(initiative=neighbours, actor=neighbour, email=EMAIL)
    initiative_volunteer(
        initiative=neighbours,
        user=person,
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        share_contact=True,
    )
    hour = consultation_hour_create(
        broker=broker, wijk=moerwijk, place="Buurthuis", starts_at=next_week(14),
        ends_at=next_week(15),
    )  # fmt: skip
    booking_create(
        hour=hour, slot_start=hour.slots()[0], name=NAME, email=EMAIL, phone=PHONE
    )  # without logging in

    # inspraak, advice, wijkbudget
    process = PublishedProcessFactory(wijken=[moerwijk])
    contribution_create(process=process, text="Meer bankjes", name=NAME, email=EMAIL)
    advice = advice_request_create(
        name=NAME, email=EMAIL, question="Hoe begin ik?", language="nl"
    )  # without logging in
    ideas = RoundFactory(
        wijken=[moerwijk],
        slug="ideeen",
        review_starts_at=ago(-10),
        voting_starts_at=ago(-20),
        voting_ends_at=ago(-30),
    )
    proposal = proposal_submit(
        round=ideas, proposer=person, title="Bankjes", description="Bij het water",
        estimated_cost_cents=100_000,
    )  # fmt: skip

    # the account's own notifications, and the admin log about them
    notify(event="welcome", context={"name": NAME}, user=person)
    log(instance=advice, action="wagtail.edit", user=coordinator)
    log(instance=person, action="wagtail.edit", user=coordinator)

    before = whole_database()
    assert EMAIL in before and PHONE in before and NAME.lower() in before
    assert Notification.objects.filter(user=None, email=EMAIL).exists()

    user_delete(user=person)

    assert traces(whole_database()) == []
    # public contributions stay, anonymous
    own.refresh_from_db()
    proposal.refresh_from_db()
    assert own.initiator_id is None and proposal.proposer_id is None
    assert process.contributions.get().text == "Meer bankjes"
    assert Melding.objects.count() == 3
    # the neighbour keeps everything
    assert User.objects.filter(pk=neighbour.pk).exists()
    assert Melding.objects.get(pk=theirs.pk).reporter_email == "buur@example.org"
    assert Notification.objects.filter(email="buur@example.org").exists()
    # and the phone is signed out
    assert client.get("/mijn/").status_code == 302


def test_only_verified_addresses_count_as_the_persons_own(resident_factory, categories):
    """Adding someone else's address to one's account (unverified) and deleting the account
    does not erase that other person's data."""
    from allauth.account.models import EmailAddress

    other_report = new_report(description="Kapot", email="slachtoffer@example.org")
    person = resident_factory(email=EMAIL)
    EmailAddress.objects.create(user=person, email="slachtoffer@example.org", verified=False)

    user_delete(user=person)

    other_report.refresh_from_db()
    assert other_report.reporter_email == "slachtoffer@example.org"
    assert Notification.objects.filter(email="slachtoffer@example.org").exists()


def test_a_resident_without_an_account_is_forgotten_after_the_retention_period(
    categories, handler, settings, resident_factory
):
    settings.MELDINGEN_CONTACT_RETENTION_DAYS = 30
    follower = resident_factory(email="volger@example.org")
    report = new_report(email=EMAIL, phone=PHONE)
    typed = melding_support(melding=report, email="Steun.Oudeweg@example.org")
    subscription_confirm(subscription=typed)  # the supporter followed the link in the mail
    melding_support(melding=report, user=follower)
    open_one = new_report(description="Nog een lamp.", email="ander@example.org")
    melding_change_status(
        melding=report, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    assert Notification.objects.filter(email="steun.oudeweg@example.org").exists()
    Melding.objects.filter(pk=report.pk).update(closed_at=timezone.now() - dt.timedelta(days=31))

    call_command("housekeeping", only=["meldingen"])

    dump = whole_database()
    assert traces(dump) == [] and "steun.oudeweg" not in dump
    assert not Subscription.objects.filter(melding=report).exists()
    assert not Notification.objects.filter(user=follower).exists()
    report.refresh_from_db()
    assert report.supporters == 2 and report.contact_erased_at is not None  # the count stays
    # a report still open keeps its reporter and what we told them
    assert Melding.objects.get(pk=open_one.pk).reporter_email == "ander@example.org"
    assert Notification.objects.filter(email="ander@example.org").exists()
