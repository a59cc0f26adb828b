"""The registration's table of moves (participation/agenda/workflow.py), without a database."""

import pytest

from participation.agenda.workflow import (
    Actor,
    Status,
    TransitionNotAllowed,
    allowed_targets,
    check_transition,
    initial_status,
    is_active,
)


def test_a_registration_starts_with_a_place_or_waits():
    assert initial_status(has_place=True) == Status.CONFIRMED
    assert initial_status(has_place=False) == Status.WAITING


@pytest.mark.parametrize(
    ("source", "target", "actor"),
    [
        (Status.WAITING, Status.CONFIRMED, Actor.SYSTEM),
        (Status.CONFIRMED, Status.CANCELLED, Actor.PARTICIPANT),
        (Status.WAITING, Status.CANCELLED, Actor.PARTICIPANT),
        # the organiser cancels for the resident (who is told)
        (Status.CONFIRMED, Status.CANCELLED, Actor.ORGANISER),
        (Status.WAITING, Status.CANCELLED, Actor.ORGANISER),
    ],
)
def test_the_allowed_moves(source, target, actor):
    check_transition(source, target, actor)


@pytest.mark.parametrize(
    ("source", "target", "actor"),
    [
        # a cancelled registration stays cancelled: signing up again is a new registration
        (Status.CANCELLED, Status.CONFIRMED, Actor.SYSTEM),
        (Status.CANCELLED, Status.WAITING, Actor.PARTICIPANT),
        # nobody is put back on the waiting list, and only the waiting list moves up
        (Status.CONFIRMED, Status.WAITING, Actor.SYSTEM),
        (Status.WAITING, Status.CONFIRMED, Actor.PARTICIPANT),
        # an organiser does not pass the waiting list by hand
        (Status.WAITING, Status.CONFIRMED, Actor.ORGANISER),
        (Status.CONFIRMED, Status.CANCELLED, Actor.SYSTEM),
    ],
)
def test_the_refused_moves(source, target, actor):
    with pytest.raises(TransitionNotAllowed):
        check_transition(source, target, actor)


def test_only_open_registrations_count_as_active():
    assert allowed_targets(Status.CANCELLED, Actor.PARTICIPANT) == []
    assert allowed_targets(Status.CONFIRMED, Actor.ORGANISER) == [Status.CANCELLED]
    assert [s for s in Status if is_active(s)] == [Status.CONFIRMED, Status.WAITING]
