"""The advice request's transition table, without a database."""

import pytest

from shop.methods import workflow
from shop.methods.workflow import Actor, AdviceStatus, TransitionNotAllowed


def test_an_open_request_may_be_answered_once():
    assert workflow.may_answer(AdviceStatus.OPEN)
    assert not workflow.may_answer(AdviceStatus.BEANTWOORD)


def test_answering_an_answered_request_is_refused():
    with pytest.raises(TransitionNotAllowed):
        workflow.TABLE.check(AdviceStatus.BEANTWOORD, AdviceStatus.BEANTWOORD, Actor.COORDINATOR)


def test_only_an_open_request_waits_for_its_answer():
    assert workflow.is_open("open")
    assert not workflow.is_open("beantwoord")
    assert workflow.is_answered("beantwoord")
