"""One status event for every module's history: the same columns under the same names, and the
wijkbudget history, which had no `from_status` or actor kind, gets them filled in from what its
rows already said."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.factories import CoordinatorFactory, ResidentFactory
from common.feedback.events import StatusEvent
from initiatives.models import InitiativeEvent
from meldingen.models import StatusChange
from participation.wijkbudget.factories import ProposalFactory
from participation.wijkbudget.models import ProposalEvent

COMMON = {"from_status", "to_status", "actor", "actor_kind", "public_message", "created_at"}
BEFORE = [("participation", "0001_initial")]
AFTER = [("participation", "0002_proposalevent_from_status_actor_kind")]


@pytest.mark.parametrize("history", [StatusChange, InitiativeEvent, ProposalEvent])
def test_every_history_is_a_kernel_status_event(history):
    assert issubclass(history, StatusEvent)
    columns = {field.name for field in history._meta.concrete_fields}
    assert columns >= COMMON
    assert history._meta.ordering == ["created_at", "pk"]


def test_the_resident_facing_label_comes_from_the_module():
    melding_event = StatusChange(to_status="in_behandeling")
    proposal_event = ProposalEvent(to_status="haalbaar")
    assert melding_event.public_label == "We zijn ermee bezig"
    assert proposal_event.public_label == "Haalbaar: komt op het stembiljet"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_proposal_events_get_where_they_came_from_and_who_moved_them():
    proposer, coordinator = ResidentFactory(), CoordinatorFactory()
    proposal = ProposalFactory(proposer=proposer)
    other = ProposalFactory(proposer=proposer)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    Old = executor.loader.project_state(BEFORE).apps.get_model("participation", "ProposalEvent")
    rows = [
        Old.objects.create(proposal_id=proposal.pk, to_status="ingediend", actor_id=proposer.pk),
        Old.objects.create(proposal_id=other.pk, to_status="ingediend", actor_id=proposer.pk),
        Old.objects.create(proposal_id=proposal.pk, to_status="haalbaar", actor_id=coordinator.pk),
        Old.objects.create(proposal_id=proposal.pk, to_status="niet_haalbaar", actor_id=None),
    ]

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    moved = {e.pk: (e.from_status, e.to_status, e.actor_kind) for e in ProposalEvent.objects.all()}
    assert moved == {
        rows[0].pk: ("", "ingediend", "proposer"),
        rows[1].pk: ("", "ingediend", "proposer"),
        rows[2].pk: ("ingediend", "haalbaar", "staff"),
        rows[3].pk: ("haalbaar", "niet_haalbaar", "system"),
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
