"""The initiative's workflow table, without a database."""

import pytest

from initiatives import workflow
from initiatives.workflow import Actor, Status, TransitionNotAllowed


def test_the_happy_path_is_allowed_step_by_step():
    path = [
        (Status.CONCEPT, Status.INGEDIEND, Actor.INITIATOR),
        (Status.INGEDIEND, Status.IN_GESPREK, Actor.BROKER),
        (Status.IN_GESPREK, Status.TOEGEKEND, Actor.BROKER),
        (Status.TOEGEKEND, Status.IN_UITVOERING, Actor.BROKER),
        (Status.IN_UITVOERING, Status.AFGEROND, Actor.BROKER),
    ]
    for source, target, actor in path:
        workflow.check_transition(source, target, actor)


@pytest.mark.parametrize("target", [Status.TOEGEKEND, Status.DOORVERWEZEN, Status.AFGEWEZEN])
def test_a_broker_decides_only_after_talking(target):
    workflow.check_transition(Status.IN_GESPREK, target, Actor.BROKER)
    with pytest.raises(TransitionNotAllowed, match="kan niet"):
        workflow.check_transition(Status.INGEDIEND, target, Actor.BROKER)


@pytest.mark.parametrize("source", sorted(workflow.OPEN))
def test_the_initiator_may_withdraw_from_every_open_step(source):
    workflow.check_transition(source, Status.INGETROKKEN, Actor.INITIATOR)
    with pytest.raises(TransitionNotAllowed, match="Alleen de initiatiefnemer"):
        workflow.check_transition(source, Status.INGETROKKEN, Actor.BROKER)


@pytest.mark.parametrize("source", sorted(workflow.CLOSED))
def test_nothing_leaves_a_closed_state(source):
    for target in Status:
        for actor in Actor:
            if target != source:
                with pytest.raises(TransitionNotAllowed):
                    workflow.check_transition(source, target, actor)


def test_the_initiator_cannot_grant_their_own_initiative():
    with pytest.raises(TransitionNotAllowed, match="Alleen de initiatievenmakelaar"):
        workflow.check_transition(Status.IN_GESPREK, Status.TOEGEKEND, Actor.INITIATOR)


def test_a_broker_cannot_submit_for_the_initiator():
    with pytest.raises(TransitionNotAllowed, match="Alleen de initiatiefnemer"):
        workflow.check_transition(Status.CONCEPT, Status.INGEDIEND, Actor.BROKER)


def test_every_broker_move_needs_a_message_and_initiator_moves_do_not():
    broker_targets = {t for (_s, t), a in workflow.TRANSITIONS.items() if a == Actor.BROKER}
    assert broker_targets == workflow.MESSAGE_REQUIRED
    assert Status.INGEDIEND not in workflow.MESSAGE_REQUIRED
    assert Status.INGETROKKEN not in workflow.MESSAGE_REQUIRED


def test_allowed_targets_lists_the_broker_choices_in_a_conversation():
    assert set(workflow.allowed_targets(Status.IN_GESPREK, Actor.BROKER)) == {
        Status.TOEGEKEND,
        Status.DOORVERWEZEN,
        Status.AFGEWEZEN,
    }
    assert workflow.allowed_targets(Status.IN_GESPREK, Actor.INITIATOR) == [Status.INGETROKKEN]


def test_every_state_has_a_public_label_and_is_open_or_closed():
    assert set(workflow.PUBLIC_LABELS) == set(Status)
    assert set(Status) == workflow.OPEN | workflow.CLOSED
    assert not workflow.OPEN & workflow.CLOSED
    assert workflow.is_open(Status.IN_UITVOERING) and not workflow.is_open(Status.AFGEROND)


def test_the_public_never_sees_drafts_declined_or_withdrawn_initiatives():
    assert Status.CONCEPT not in workflow.PUBLIC
    assert Status.AFGEWEZEN not in workflow.PUBLIC
    assert Status.INGETROKKEN not in workflow.PUBLIC
