"""Services: one per verb, checked against the workflow, with history, mail and the fund rule."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from common.workdays import add_working_days
from initiatives import services
from initiatives.models import Fund, Grant, Initiative, InitiativeEvent, Support
from initiatives.services import InitiativeError
from initiatives.workflow import Status
from tests.common.at_once import at_once, race_test

pytestmark = pytest.mark.django_db


def test_submitting_gives_a_reference_a_deadline_and_mail_to_initiator_and_brokers(
    initiative_factory, moerwijk, wijk_broker, django_capture_on_commit_callbacks
):
    draft = initiative_factory(wijk=moerwijk)
    with django_capture_on_commit_callbacks(execute=True):
        initiative = services.initiative_submit(initiative=draft, actor=draft.initiator)
    year = timezone.localtime().year
    assert initiative.reference.startswith(f"IN-{year}-") and len(initiative.reference) == 13
    assert initiative.status == Status.INGEDIEND
    assert initiative.first_response_deadline == add_working_days(initiative.submitted_at, 5)
    event = initiative.events.get()
    assert event.to_status == Status.INGEDIEND and "Uiterlijk" in event.public_message
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([draft.initiator.email, wijk_broker.email])
    to_initiator = next(m for m in mail.outbox if m.to == [draft.initiator.email])
    assert initiative.reference in to_initiator.subject
    assert f"/initiatieven/mijn/{initiative.pk}/" in to_initiator.body


def test_references_count_up_without_gaps(submit):
    first, second = submit(), submit()
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1


def test_an_incomplete_draft_is_refused_with_what_is_missing(initiative_factory, moerwijk):
    draft = initiative_factory(wijk=None, for_whom="", help_needed=["geld"], lines=[])
    with pytest.raises(InitiativeError) as error:
        services.initiative_submit(initiative=draft, actor=draft.initiator)
    text = error.value.messages[0]
    assert "voor wie" in text and "de wijk" in text and "begroting" in text
    draft.refresh_from_db()
    assert draft.status == Status.CONCEPT and draft.reference is None


def test_only_the_initiators_submit(initiative_factory, resident_factory, moerwijk):
    draft = initiative_factory(wijk=moerwijk)
    with pytest.raises(
        InitiativeError,
        match="Alleen de bewoners die het plan maakten, kunnen dit initiatief indienen",
    ):
        services.initiative_submit(initiative=draft, actor=resident_factory())


def test_taking_is_the_first_response_and_needs_a_message(
    submit, wijk_broker, django_capture_on_commit_callbacks
):
    initiative = submit()
    with pytest.raises(InitiativeError, match="Schrijf een bericht"):
        services.initiative_take(initiative=initiative, actor=wijk_broker, public_message=" ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        taken = services.initiative_take(
            initiative=initiative, actor=wijk_broker, public_message="Ik bel u morgen."
        )
    assert taken.status == Status.IN_GESPREK and taken.broker == wijk_broker
    assert taken.first_response_at is not None and taken.decision_deadline > timezone.now()
    (message,) = mail.outbox
    assert message.to == [initiative.initiator.email]
    assert "Ik bel u morgen." in message.body


def test_two_brokers_cannot_both_take_it(submit, wijk_broker, broker_factory, moerwijk):
    from initiatives.models import BrokerWijk

    colleague = broker_factory()
    BrokerWijk.objects.create(broker=colleague, wijk=moerwijk)
    initiative = submit()
    services.initiative_take(
        initiative=initiative, actor=wijk_broker, public_message="Ik pak het op."
    )
    with pytest.raises(InitiativeError, match="collega"):
        services.initiative_take(initiative=initiative, actor=colleague, public_message="Ik ook.")


def test_a_broker_of_another_wijk_cannot_take_it(submit, broker_factory, wijken):
    from initiatives.models import BrokerWijk

    elsewhere = broker_factory()
    BrokerWijk.objects.create(broker=elsewhere, wijk=wijken["bouwlust"])
    with pytest.raises(InitiativeError):
        services.initiative_take(initiative=submit(), actor=elsewhere, public_message="Hallo")


def test_the_thread_goes_both_ways_and_tracks_who_is_waiting(
    taken, wijk_broker, resident_factory, django_capture_on_commit_callbacks
):
    initiative = taken()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_send_message(
            initiative=initiative, author=wijk_broker, text="Heeft u al een plek?"
        )
    initiative.refresh_from_db()
    assert initiative.waiting_on == "initiator"
    assert mail.outbox[-1].to == [initiative.initiator.email]
    assert "Heeft u al een plek?" in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_send_message(
            initiative=initiative, author=initiative.initiator, text="Ja, het buurthuis."
        )
    initiative.refresh_from_db()
    assert initiative.waiting_on == "broker"
    assert mail.outbox[-1].to == [wijk_broker.email]
    assert [m.author_kind for m in initiative.messages.all()] == ["broker", "initiator"]
    with pytest.raises(InitiativeError, match="geen berichten"):
        services.initiative_send_message(
            initiative=initiative, author=resident_factory(), text="Hoi"
        )


def test_a_grant_lowers_what_remains_in_the_fund(grant, taken, wijk_broker, fund):
    initiative = taken()
    row = grant(
        initiative, 40_000, conditions="Bonnetjes bewaren.", public_message="Gefeliciteerd!"
    )
    fund.refresh_from_db()
    assert row.fund == fund and fund.remaining_cents == 60_000
    initiative.refresh_from_db()
    assert initiative.status == Status.TOEGEKEND
    assert initiative.events.last().details["amount_cents"] == 40_000


def test_a_grant_beyond_what_remains_is_refused_in_plain_dutch(grant, taken, wijk_broker, fund):
    Fund.objects.filter(pk=fund.pk).update(granted_cents=90_000)
    initiative = taken()
    with pytest.raises(InitiativeError) as error:
        grant(initiative, 15_000)
    assert "nog € 100,00 over" in error.value.messages[0]
    initiative.refresh_from_db()
    assert initiative.status == Status.IN_GESPREK and not Grant.objects.exists()


def test_a_grant_cannot_exceed_the_request_and_needs_a_fund(grant, taken, wijk_broker, moerwijk):
    initiative = taken()  # asks € 650
    with pytest.raises(InitiativeError, match="niet meer toekennen dan er is gevraagd"):
        grant(initiative, 70_000)
    with pytest.raises(InitiativeError, match="nog geen initiatievenfonds"):
        grant(initiative, 10_000)
    # Help without money needs no fund.
    row = grant(
        initiative,
        0,
        conditions="U mag het buurthuis gebruiken.",
        public_message="U krijgt een ruimte.",
    )
    assert row.fund is None


def test_only_the_assigned_broker_decides(grant, taken, broker_factory, moerwijk, fund):
    from initiatives.models import BrokerWijk

    colleague = broker_factory()
    BrokerWijk.objects.create(broker=colleague, wijk=moerwijk)
    initiative = taken()
    with pytest.raises(InitiativeError, match="niet aan u toegewezen"):
        grant(initiative, 100, actor=colleague)
    with pytest.raises(InitiativeError, match="niet aan u toegewezen"):
        services.initiative_decline(
            initiative=initiative,
            actor=initiative.initiator,
            reasons=["anders"],
            public_message="x",
        )


def test_the_database_refuses_a_fund_granted_beyond_its_total(fund):
    with pytest.raises(IntegrityError), transaction.atomic():
        Fund.objects.filter(pk=fund.pk).update(granted_cents=fund.total_cents + 1)


def test_refer_needs_an_organisation_and_decline_needs_a_reason(taken, wijk_broker):
    initiative = taken()
    with pytest.raises(InitiativeError, match="organisatie"):
        services.initiative_refer(
            initiative=initiative, actor=wijk_broker, organisation=" ", public_message="Kijk daar"
        )
    with pytest.raises(InitiativeError, match="reden"):
        services.initiative_decline(
            initiative=initiative, actor=wijk_broker, reasons=[], public_message="Helaas"
        )
    services.initiative_refer(
        initiative=initiative,
        actor=wijk_broker,
        organisation="Fonds 1818",
        url="https://www.fonds1818.nl",
        public_message="Fonds 1818 past beter bij uw plan.",
    )
    initiative.refresh_from_db()
    assert initiative.status == Status.DOORVERWEZEN and initiative.closed_at
    assert initiative.events.last().details["organisation"] == "Fonds 1818"


def test_withdrawing_gives_the_grant_back_to_the_fund(grant, taken, wijk_broker, fund):
    initiative = taken()
    grant(initiative, 30_000)
    services.initiative_withdraw(
        initiative=initiative, actor=initiative.initiator, reason="We verhuizen."
    )
    fund.refresh_from_db()
    assert fund.granted_cents == 0
    initiative.refresh_from_db()
    assert initiative.status == Status.INGETROKKEN
    assert Grant.objects.get().released_at is not None
    with pytest.raises(InitiativeError):
        services.initiative_withdraw(initiative=initiative, actor=initiative.initiator)


def test_completing_needs_the_accountability_and_books_what_was_spent(
    started, file_accountability, wijk_broker, fund
):
    initiative = started()
    with pytest.raises(InitiativeError, match="verantwoording"):
        services.initiative_complete(
            initiative=initiative, actor=wijk_broker, public_message="Klaar"
        )
    file_accountability(
        initiative,
        spent_cents=20_000,
        what_happened="Twintig buren plantten samen.",
        participants=20,
    )
    services.initiative_complete(
        initiative=initiative, actor=wijk_broker, public_message="Mooi gedaan!"
    )
    initiative.refresh_from_db()
    assert initiative.status == Status.AFGEROND
    assert initiative.accountability.confirmed_by == wijk_broker
    (line,) = services.fund_overview(year=fund.year)
    assert (line.granted_cents, line.spent_cents, line.remaining_cents) == (50_000, 40_000, 50_000)
    # The initiator told the broker in the thread that the report is there.
    assert initiative.messages.filter(author_kind="initiator").exists()


def test_hand_off_moves_the_initiative_and_stays_in_the_history(
    taken, wijk_broker, broker_factory, django_capture_on_commit_callbacks
):
    initiative = taken()
    colleague = broker_factory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_handoff(
            initiative=initiative, actor=wijk_broker, to_broker=colleague, note="Jij kent ze."
        )
    initiative.refresh_from_db()
    assert initiative.broker == colleague
    event = initiative.events.get(kind=InitiativeEvent.Kind.HANDOFF)
    assert event.details["to_broker"] == str(colleague)
    assert initiative.notes.get().text == "Jij kent ze."
    assert mail.outbox[-1].to == [colleague.email]
    with pytest.raises(InitiativeError, match="niet aan u toegewezen"):
        services.initiative_start(initiative=initiative, actor=wijk_broker, public_message="x")


def test_handing_off_to_a_resident_is_refused(taken, wijk_broker, resident):
    with pytest.raises(InitiativeError, match="geen initiatievenmakelaar"):
        services.initiative_handoff(initiative=taken(), actor=wijk_broker, to_broker=resident)


def test_steun_counts_once_per_account(submit, resident_factory):
    initiative = submit(publish_consent=True)
    neighbour = resident_factory()
    assert services.initiative_support(initiative=initiative, user=neighbour) is True
    assert services.initiative_support(initiative=initiative, user=neighbour) is False
    initiative.refresh_from_db()
    assert initiative.support_count == 1 and Support.objects.count() == 1
    with pytest.raises(InitiativeError, match="eigen initiatief"):
        services.initiative_support(initiative=initiative, user=initiative.initiator)


def test_steun_and_volunteers_only_for_published_initiatives(submit, resident):
    initiative = submit(publish_consent=False)
    with pytest.raises(InitiativeError, match="niet"):
        services.initiative_support(initiative=initiative, user=resident)
    with pytest.raises(InitiativeError, match="niet"):
        services.initiative_volunteer(initiative=initiative, user=resident, name="Sam")


def test_a_volunteer_signs_up_once(submit, resident):
    initiative = submit(publish_consent=True)
    services.initiative_volunteer(
        initiative=initiative, user=resident, name="Sam", share_contact=False
    )
    with pytest.raises(InitiativeError, match="al aangemeld"):
        services.initiative_volunteer(initiative=initiative, user=resident, name="Sam")
    with pytest.raises(InitiativeError, match="e-mailadres of telefoonnummer"):
        services.initiative_volunteer(
            initiative=submit(publish_consent=True), user=resident, name="Sam", share_contact=True
        )
    initiative.refresh_from_db()
    assert initiative.volunteer_count == 1


def test_the_overdue_queue_has_missed_first_responses(submit, taken):
    late = submit()
    Initiative.objects.filter(pk=late.pk).update(
        first_response_deadline=timezone.now() - timezone.timedelta(hours=1)
    )
    on_time = submit()
    answered = taken()
    Initiative.objects.filter(pk=answered.pk).update(
        first_response_deadline=timezone.now() - timezone.timedelta(hours=1)
    )
    overdue = set(Initiative.objects.overdue())
    assert late in overdue and on_time not in overdue and answered not in overdue


@race_test
def test_two_brokers_granting_at_once_never_exceed_the_fund(
    grant, broker_factory, wijken, initiative_factory
):
    from initiatives.factories import FundFactory
    from initiatives.models import BrokerWijk

    moerwijk = wijken["moerwijk"]
    fund = FundFactory(wijk=moerwijk, total_cents=60_000)  # room for one of the two
    initiatives = []
    brokers = []
    for _ in range(2):
        broker = broker_factory()
        BrokerWijk.objects.create(broker=broker, wijk=moerwijk)
        draft = initiative_factory(wijk=moerwijk)  # asks € 650
        initiative = services.initiative_submit(initiative=draft, actor=draft.initiator)
        services.initiative_take(initiative=initiative, actor=broker, public_message="Hallo")
        initiatives.append(initiative)
        brokers.append(broker)

    def grant(initiative, broker):
        return lambda: services.initiative_grant(
            initiative=initiative,
            actor=broker,
            amount_cents=50_000,
            conditions="",
            public_message="Toegekend",
        )

    results = at_once(*(grant(*pair) for pair in zip(initiatives, brokers, strict=True)))
    assert sorted(type(r).__name__ for r in results) == ["Grant", "InitiativeError"]
    fund.refresh_from_db()
    assert fund.granted_cents == 50_000 and fund.remaining_cents == 10_000
    assert Grant.objects.count() == 1


def test_a_referral_link_must_be_a_web_address(taken, wijk_broker):
    with pytest.raises(InitiativeError, match="https://"):
        services.initiative_refer(
            initiative=taken(),
            actor=wijk_broker,
            organisation="Kwaadaardig",
            url="javascript:alert(1)",
            public_message="Kijk hier",
        )
