"""Each module pushes its entries from its own services once they commit: an answer shows on
/terugkoppeling/ at once, without `ledger_sync` or housekeeping, and a reopened or withdrawn
input leaves at once. `ledger_sync --full` rebuilds the same entries from scratch (repair)."""

import pytest
from django.core.management import call_command

from common.feedback.ledger.models import LedgerEntry
from common.schedule import jobs
from initiatives.factories import InitiativeFactory
from initiatives.services import (
    initiative_grant,
    initiative_set_publication,
    initiative_submit,
    initiative_take,
)
from meldingen.services import melding_change_status, melding_set_public_description
from meldingen.workflow import Status
from participation.inspraak.factories import PublishedProcessFactory
from participation.inspraak.services import process_publish_report
from participation.wijkbudget.factories import ProposalFactory, RoundFactory, ago
from participation.wijkbudget.services import proposal_mark_feasible
from participation.wijkbudget.workflow import Feasibility

pytestmark = pytest.mark.django_db


def _page(client, path="/terugkoppeling/moerwijk/"):
    return client.get(path).content.decode()


def test_no_periodic_job_pulls_the_ledger():
    assert "ledger" not in jobs()


def test_a_handled_report_shows_at_once_and_leaves_when_reopened(
    client, melding_factory, handler, wijken, django_capture_on_commit_callbacks
):
    melding = melding_factory(
        wijk=wijken["moerwijk"], public_description="Kapotte lantaarnpaal bij de school."
    )
    assert "Kapotte lantaarnpaal" not in _page(client)
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
        )
    page = _page(client)
    assert "Kapotte lantaarnpaal bij de school." in page and melding.reference in page

    # A corrected public text is what the ledger shows next, at once.
    with django_capture_on_commit_callbacks(execute=True):
        melding_set_public_description(
            melding=melding, text="Lantaarnpaal bij de basisschool.", actor=handler
        )
    page = _page(client)
    assert "Lantaarnpaal bij de basisschool." in page and "Kapotte lantaarnpaal" not in page

    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding, to=Status.HEROPEND, actor=handler, public_message="Toch nog kapot."
        )
    assert "Lantaarnpaal bij de basisschool." not in _page(client)
    assert not LedgerEntry.objects.filter(source="meldingen").exists()


def test_a_report_merged_into_another_leaves_the_ledger(
    client, melding_factory, handler, wijken, django_capture_on_commit_callbacks
):
    survivor = melding_factory(wijk=wijken["moerwijk"])
    duplicate = melding_factory(
        wijk=wijken["moerwijk"], category=survivor.category, public_description="Dubbel gemeld."
    )
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=duplicate, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar."
        )
    assert "Dubbel gemeld." in _page(client)
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=duplicate, to=Status.HEROPEND, actor=handler, public_message="Heropend."
        )
        melding_change_status(
            melding=duplicate,
            to=Status.SAMENGEVOEGD,
            actor=handler,
            public_message="Zelfde melding.",
            merge_into=survivor,
        )
    assert "Dubbel gemeld." not in _page(client)


def test_a_decision_on_an_initiative_shows_at_once_and_leaves_without_consent(
    client, broker_factory, wijken, django_capture_on_commit_callbacks
):
    from initiatives.factories import FundFactory
    from initiatives.models import BrokerWijk

    moerwijk = wijken["moerwijk"]
    broker = broker_factory()
    BrokerWijk.objects.create(broker=broker, wijk=moerwijk)
    FundFactory(wijk=moerwijk, total_cents=100_000)
    with django_capture_on_commit_callbacks(execute=True):
        draft = InitiativeFactory(wijk=moerwijk, title="Moestuin op het plein")
        initiative = initiative_submit(initiative=draft, actor=draft.initiator)
        initiative_set_publication(
            initiative=initiative, actor=initiative.initiator, publish_it=True
        )
        initiative_take(initiative=initiative, actor=broker, public_message="Dag!")
    assert "Moestuin op het plein" not in _page(client)  # not decided yet
    with django_capture_on_commit_callbacks(execute=True):
        initiative_grant(
            initiative=initiative,
            actor=broker,
            amount_cents=40_000,
            conditions="Bonnetjes bewaren.",
            public_message="Gefeliciteerd!",
        )
    page = _page(client)
    assert "Moestuin op het plein" in page and "€ 400" in page

    with django_capture_on_commit_callbacks(execute=True):
        initiative_set_publication(
            initiative=initiative, actor=initiative.initiator, publish_it=False
        )
    assert "Moestuin op het plein" not in _page(client)


def test_a_feasibility_answer_counts_at_once(
    client, user_factory, wijken, django_capture_on_commit_callbacks
):
    round = RoundFactory(
        wijken=[wijken["moerwijk"]], voting_starts_at=ago(-20), voting_ends_at=ago(-30)
    )
    plan = ProposalFactory(round=round, status=Feasibility.INGEDIEND)

    def wijkbudget():
        counts = client.get("/terugkoppeling/moerwijk/").context["counts"]
        return next(c for s, c in counts if s.key == "wijkbudget")

    assert (wijkbudget().received, wijkbudget().answered) == (1, 0)
    with django_capture_on_commit_callbacks(execute=True):
        proposal_mark_feasible(
            proposal=plan, actor=user_factory(role="coordinator"), final_cost_cents=100_000
        )
    assert (wijkbudget().received, wijkbudget().answered) == (1, 1)


def test_a_published_report_of_a_consultation_shows_at_once(
    client, user_factory, wijken, django_capture_on_commit_callbacks
):
    process = PublishedProcessFactory(wijken=[wijken["moerwijk"]], title="Het Zuiderpark")
    with django_capture_on_commit_callbacks(execute=True):
        process_publish_report(
            process=process,
            actor=user_factory(role="coordinator"),
            report="We leggen een nieuw pad aan.",
        )
    page = _page(client)
    assert "Het Zuiderpark" in page and "We leggen een nieuw pad aan." in page


def _entries():
    return sorted(
        LedgerEntry.objects.values_list(
            "source", "content_type", "object_id", "title", "answer", "on_time", "is_public"
        )
    )


def test_ledger_sync_full_rebuilds_the_same_entries_from_scratch(
    melding_factory, handler, wijken, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for text in ("Losse tegel.", "Volle prullenbak."):
            melding = melding_factory(wijk=wijken["moerwijk"], public_description=text)
            melding_change_status(
                melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar."
            )
    pushed = _entries()
    assert len(pushed) == 2
    LedgerEntry.objects.all().delete()
    with open("/dev/null", "w") as devnull:
        call_command("ledger_sync", "--full", stdout=devnull)
    assert _entries() == pushed
