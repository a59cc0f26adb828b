"""Acceptance (issue 11, item 1): one definition of "late" and "answered on time" per module.

Inputs of every module in every state — open, waiting for the resident, answered in time,
answered late, without a promise — before and after their promised dates. Every place that
shows lateness must give the same counts: the public wijk figures, the follow-up ledger
(site-wide and per wijk), the staff queues with their "te laat" counts and
filters, and the staff map. The same again after the housekeeping jobs ran: they tell people,
but they must not make a late input look on time."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.factories import BrokerFactory, CoordinatorFactory
from common.feedback import ledger
from common.feedback.ledger.models import LedgerEntry
from initiatives.factories import BrokerWijkFactory, InitiativeFactory
from initiatives.workflow import Status as InitiativeStatus
from meldingen.factories import CategoryFactory, MeldingFactory
from meldingen.models import Melding
from meldingen.workflow import Status
from participation.inspraak.factories import PublishedProcessFactory
from participation.inspraak.models import Process
from shop.methods.models import AdviceRequest, AdviceStatus

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def _quiet(*args):
    with open("/dev/null", "w") as devnull:
        call_command(*args, stdout=devnull)


@pytest.fixture
def inputs(wijken, afdeling_factory):
    """Per module, in Moerwijk, the states that matter; and one late report in Bouwlust, so the
    per-wijk and the site-wide figures differ."""
    now = timezone.now()
    moerwijk, bouwlust = wijken["moerwijk"], wijken["bouwlust"]
    category = CategoryFactory(default_afdeling=afdeling_factory(email="team@gemeente.example"))
    created = now - 20 * DAY

    def melding(status, *, deadline, closed_at=None, wijk=moerwijk):
        return MeldingFactory(
            category=category,
            wijk=wijk,
            status=status,
            created_at=created,
            deadline=deadline,
            closed_at=closed_at,
            public_description="Zwerfvuil bij de speeltuin.",
        )

    meldingen = {
        "open, still in time": melding(Status.IN_BEHANDELING, deadline=now + 3 * DAY),
        "open, late": melding(Status.IN_BEHANDELING, deadline=now - 3 * DAY),
        "waiting for the resident, late": melding(Status.REACTIE_GEVRAAGD, deadline=now - 3 * DAY),
        "waiting for the resident, in time": melding(
            Status.REACTIE_GEVRAAGD, deadline=now + 3 * DAY
        ),
        "answered in time": melding(
            Status.AFGEHANDELD, deadline=now - 5 * DAY, closed_at=now - 6 * DAY
        ),
        "answered late": melding(
            Status.AFGEHANDELD, deadline=now - 8 * DAY, closed_at=now - 2 * DAY
        ),
        "without a promise, open": melding(Status.GEMELD, deadline=None),
        "without a promise, answered": melding(
            Status.AFGEHANDELD, deadline=None, closed_at=now - DAY
        ),
        "merged": melding(Status.SAMENGEVOEGD, deadline=now - 3 * DAY, closed_at=now - DAY),
        "elsewhere, late": melding(Status.GEMELD, deadline=now - DAY, wijk=bouwlust),
    }

    submitted = now - 30 * DAY

    def initiative(status, **fields):
        return InitiativeFactory(
            wijk=moerwijk,
            status=status,
            publish_consent=True,
            reference=f"IN-2026-{InitiativeFactory._meta.model.objects.count() + 1:05d}",
            submitted_at=submitted,
            **fields,
        )

    initiatives = {
        "no first response, late": initiative(
            InitiativeStatus.INGEDIEND, first_response_deadline=now - DAY
        ),
        "no first response, in time": initiative(
            InitiativeStatus.INGEDIEND, first_response_deadline=now + DAY
        ),
        "waiting for the initiator, decision late": initiative(
            InitiativeStatus.IN_GESPREK,
            first_response_deadline=submitted + 5 * DAY,
            first_response_at=submitted + DAY,
            decision_deadline=now - DAY,
            waiting_on="initiator",
        ),
        "decided in time": initiative(
            InitiativeStatus.TOEGEKEND,
            first_response_at=submitted + DAY,
            decision_deadline=now - 5 * DAY,
            decided_at=now - 6 * DAY,
        ),
        "decided late": initiative(
            InitiativeStatus.AFGEWEZEN,
            first_response_at=submitted + DAY,
            decision_deadline=now - 9 * DAY,
            decided_at=now - 2 * DAY,
        ),
    }

    today = timezone.localdate(now)
    processes = {
        "follow-up late": PublishedProcessFactory(
            wijken=[moerwijk],
            starts_on=today - 60 * DAY,
            ends_on=today - 40 * DAY,
            followup_due=today - DAY,
        ),
        "follow-up due today": PublishedProcessFactory(
            wijken=[moerwijk],
            starts_on=today - 60 * DAY,
            ends_on=today - 40 * DAY,
            followup_due=today,
        ),
        "follow-up in time": PublishedProcessFactory(
            wijken=[moerwijk],
            starts_on=today - 60 * DAY,
            ends_on=today - 40 * DAY,
            followup_due=today - 5 * DAY,
            report="Wat we deden.",
            report_published_at=now - 10 * DAY,
        ),
    }

    def advice(status=AdviceStatus.OPEN, **fields):
        return AdviceRequest.objects.create(
            name="Buur", email="buur@example.org", question="Hoe?", status=status, **fields
        )

    advice_requests = {
        "open, late": advice(deadline=now - DAY),
        "open, in time": advice(deadline=now + DAY),
        "answered late": advice(
            status=AdviceStatus.BEANTWOORD, deadline=now - 5 * DAY, answered_at=now - DAY
        ),
    }
    return meldingen, initiatives, processes, advice_requests


def _public_figures(client, wijk):
    return client.get(f"/meldingen/wijk/{wijk.slug}/").context["figures"]


def _ledger_counts(client, wijk=None):
    url = f"/terugkoppeling/{wijk.slug}/" if wijk else "/terugkoppeling/"
    return {source.key: counts for source, counts in client.get(url).context["counts"]}


def _staff_meldingen(client, wijk):
    queue = client.get("/beheer/meldingen/", {"wijk": wijk.pk, "overdue": "on"})
    unfiltered = client.get("/beheer/meldingen/", {"wijk": wijk.pk, "view": "kaart"})
    map_late = [m["reference"] for m in unfiltered.context["markers"] if m["overdue"]]
    return {
        "filter": queue.context["page"].paginator.count,
        "list badges": queue.content.decode().count('class="zw-badge zw-badge--late"'),
        "map": len(map_late),
    }, queue.context["overdue_count"]


def _staff_initiatives(client):
    response = client.get("/beheer/initiatieven/", {"wachtrij": "te-laat"})
    tabs = {tab["key"]: tab["count"] for tab in response.context["tabs"]}
    return tabs["te-laat"], response.context["page"].paginator.count


def _check_every_place_agrees(client, wijken, inputs):
    meldingen, _initiatives, _processes, _advice = inputs
    moerwijk = wijken["moerwijk"]
    late_here = {meldingen["open, late"].pk, meldingen["waiting for the resident, late"].pk}

    # The one definition, asked directly.
    assert set(Melding.objects.overdue().in_wijk(moerwijk).values_list("pk", flat=True)) == (
        late_here
    )

    # Meldingen: public figures, ledger (per wijk and site-wide), staff list, filter and map.
    figures = _public_figures(client, moerwijk)
    ledger_here = _ledger_counts(client, moerwijk)["meldingen"]
    ledger_all = _ledger_counts(client)["meldingen"]
    staff, staff_count = _staff_meldingen(client, moerwijk)
    assert figures.overdue == ledger_here.overdue == 2
    assert staff == {"filter": 2, "list badges": 2, "map": 2}
    # On time: 1 of 4 (in time; late; the two late open ones). Without a promise: left out.
    assert (figures.on_time.part, figures.on_time.whole) == (1, 4)
    assert (ledger_here.on_time, ledger_here.decided) == (1, 4)
    assert figures.on_time.percent == ledger_here.on_time_percent == 25
    # The queue's "te laat" count is over everything the colleague sees, like the site-wide page.
    assert ledger_all.overdue == _public_figures_total(client).overdue == staff_count == 3
    assert (ledger_all.on_time, ledger_all.decided) == (1, 5)
    # The ledger's own entries agree with the figures: one on time, one late, one unpromised.
    entries = LedgerEntry.objects.filter(source="meldingen").in_wijk(moerwijk)
    assert sorted(map(str, entries.values_list("on_time", flat=True))) == [
        "False",
        "None",
        "True",
    ]

    # Initiatives: the brokers' "te laat" tab and list, the ledger per wijk and site-wide.
    tab, listed = _staff_initiatives(client)
    ledger_initiatives = _ledger_counts(client, moerwijk)["initiatieven"]
    assert (
        tab
        == listed
        == ledger_initiatives.overdue
        == _ledger_counts(client)["initiatieven"].overdue
        == 2
    )
    assert (ledger_initiatives.on_time, ledger_initiatives.decided) == (1, 3)

    # Inspraak: late the day after its promised date, not on it; the page, the admin, the ledger.
    late = Process.objects.overdue()
    assert list(late.values_list("title", flat=True)) == [inputs[2]["follow-up late"].title]
    ledger_processes = _ledger_counts(client, moerwijk)["inspraak"]
    assert ledger_processes.overdue == _ledger_counts(client)["inspraak"].overdue == 1
    assert (ledger_processes.on_time, ledger_processes.decided) == (1, 2)
    admin_list = client.get("/beheer/inspraak/").content.decode()
    assert admin_list.count("<strong>te laat</strong>") == 1
    for name, process in inputs[2].items():
        page = client.get(process.get_absolute_url()).content.decode()
        assert ("De terugkoppeling is te laat" in page) == (name == "follow-up late")

    # Advice requests: the inbox marks the same ones the queryset counts.
    inbox = client.get("/beheer/participatiewinkel/adviesvragen/").content.decode()
    assert AdviceRequest.objects.overdue().count() == inbox.count("advice-overdue") == 1


def _public_figures_total(client):
    return client.get("/meldingen/cijfers/").context["total"]


def test_every_place_counts_late_and_on_time_the_same(client, admin_user, wijken, inputs):
    """The factories bypass the services that push entries: the ledger's repair rebuilds them."""
    _quiet("ledger_sync")
    client.force_login(admin_user)
    _check_every_place_agrees(client, wijken, inputs)


def test_housekeeping_tells_people_but_keeps_late_inputs_late(
    client, admin_user, wijken, inputs, django_capture_on_commit_callbacks
):
    meldingen, initiatives = inputs[0], inputs[1]
    moerwijk_broker = BrokerWijkFactory(wijk=wijken["moerwijk"]).broker
    BrokerWijkFactory(wijk=wijken["bouwlust"])  # works elsewhere: hears nothing
    coordinator, broker_only = CoordinatorFactory(), BrokerFactory()
    # What the modules' services push when they answer; the factories bypassed them.
    with django_capture_on_commit_callbacks(execute=True):
        for obj in [*meldingen.values(), *initiatives.values()]:
            ledger.push(obj)
    promised = dict(Melding.objects.values_list("pk", "deadline"))
    with django_capture_on_commit_callbacks(execute=True):
        _quiet("housekeeping")
    with django_capture_on_commit_callbacks(execute=True):
        _quiet("housekeeping")  # every ten minutes: nothing changes the second time
    # The promises stand; the late reports got a new expected date instead.
    assert dict(Melding.objects.values_list("pk", "deadline")) == promised
    late = [meldingen[key] for key in ("open, late", "waiting for the resident, late")]
    for melding in late:
        melding.refresh_from_db()
        assert melding.deadline_notified and melding.expected_at > timezone.now()
    from common.models import Notification

    staff = Notification.objects.filter(event="melding_overdue_staff")
    assert sorted(n.context["reference"] for n in staff) == sorted(
        m.reference for m in [*late, meldingen["elsewhere, late"]]
    )
    # Brokers and coordinators hear of their late work too, once per promise.
    told = Notification.objects.filter(event="initiative_late_staff")
    assert sorted((n.user, n.context["reference"], n.context["promise"]) for n in told) == sorted(
        [
            (moerwijk_broker, initiatives["no first response, late"].reference, "first_response"),
            (
                moerwijk_broker,
                initiatives["waiting for the initiator, decision late"].reference,
                "decision",
            ),
        ]
    )
    advice = Notification.objects.filter(event="advice_late_staff")
    assert [(n.user, n.context["reference"]) for n in advice] == [
        (coordinator, inputs[3]["open, late"].reference)
    ]
    assert not Notification.objects.filter(user=broker_only).exists()
    client.force_login(admin_user)
    _check_every_place_agrees(client, wijken, inputs)
