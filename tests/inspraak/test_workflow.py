"""The process table and its stages, without a database."""

import datetime as dt

import pytest

from participation.inspraak import workflow
from participation.inspraak.workflow import Actor, Stage, Status

START, END = dt.date(2026, 3, 1), dt.date(2026, 3, 31)


def test_only_a_concept_can_be_published_and_only_by_a_coordinator():
    assert workflow.may_publish(Status.CONCEPT)
    assert not workflow.may_publish(Status.GEPUBLICEERD)
    assert workflow.allowed_targets(Status.CONCEPT, Actor.COORDINATOR) == [Status.GEPUBLICEERD]
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.check_transition(Status.GEPUBLICEERD, Status.CONCEPT, Actor.COORDINATOR)


def test_a_report_needs_a_published_process():
    assert workflow.may_report(Status.GEPUBLICEERD)
    assert not workflow.may_report(Status.CONCEPT)


@pytest.mark.parametrize(
    ("today", "has_report", "stage"),
    [
        (dt.date(2026, 2, 28), False, Stage.AANGEKONDIGD),
        (START, False, Stage.OPEN),
        (END, False, Stage.OPEN),
        (dt.date(2026, 4, 1), False, Stage.VERWERKING),
        (dt.date(2026, 4, 1), True, Stage.TERUGGEKOPPELD),
        (START, True, Stage.TERUGGEKOPPELD),
    ],
)
def test_the_stage_follows_the_dates_until_the_report(today, has_report, stage):
    assert (
        workflow.current_stage(starts_on=START, ends_on=END, has_report=has_report, today=today)
        == stage
    )


def test_reactions_come_in_while_a_public_process_with_the_form_is_open():
    def accepts(status=Status.GEPUBLICEERD, online=True, today=START):
        return workflow.accepts_reactions(
            status=status, online_reactions=online, starts_on=START, ends_on=END, today=today
        )

    assert accepts()
    assert accepts(today=END)
    assert not accepts(status=Status.CONCEPT)
    assert not accepts(online=False)
    assert not accepts(today=END + dt.timedelta(days=1))
    assert not accepts(today=START - dt.timedelta(days=1))


def test_a_phase_is_current_on_its_first_and_last_day():
    assert workflow.phase_is_current(starts_on=START, ends_on=END, today=START)
    assert workflow.phase_is_current(starts_on=START, ends_on=END, today=END)
    assert not workflow.phase_is_current(starts_on=START, ends_on=END, today=END + dt.timedelta(1))
