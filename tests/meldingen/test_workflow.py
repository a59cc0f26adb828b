"""The workflow table, without a database."""

import pytest

from meldingen.workflow import (
    CLOSED,
    MESSAGE_REQUIRED,
    OPEN,
    PUBLIC_LABELS,
    TRANSITIONS,
    Actor,
    Status,
    TransitionNotAllowed,
    allowed_targets,
    check_transition,
)

S = Status


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.GEMELD, S.IN_BEHANDELING),
        (S.IN_BEHANDELING, S.INGEPLAND),
        (S.INGEPLAND, S.AFGEHANDELD),
        (S.GEMELD, S.DOORGEZET),
        (S.GEMELD, S.NIET_IN_BEHANDELING),
        (S.IN_BEHANDELING, S.SAMENGEVOEGD),
        (S.IN_BEHANDELING, S.REACTIE_GEVRAAGD),
        (S.REACTIE_ONTVANGEN, S.INGEPLAND),
        (S.VERZOEK_TOT_HEROPENEN, S.HEROPEND),
        (S.HEROPEND, S.AFGEHANDELD),
        (S.AFGEHANDELD, S.HEROPEND),
    ],
)
def test_the_happy_paths_are_open_to_handlers(source, target):
    check_transition(source, target, Actor.HANDLER)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.REACTIE_GEVRAAGD, S.REACTIE_ONTVANGEN),
        (S.AFGEHANDELD, S.VERZOEK_TOT_HEROPENEN),
        (S.NIET_IN_BEHANDELING, S.VERZOEK_TOT_HEROPENEN),
    ],
)
def test_only_the_reporter_answers_and_asks_to_reopen(source, target):
    check_transition(source, target, Actor.REPORTER)
    with pytest.raises(TransitionNotAllowed, match="Alleen de melder"):
        check_transition(source, target, Actor.HANDLER)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.SAMENGEVOEGD, S.IN_BEHANDELING),  # merged is final
        (S.AFGEHANDELD, S.INGEPLAND),  # closed must be reopened first
        (S.GEMELD, S.REACTIE_ONTVANGEN),  # no answer without a question
        (S.GEMELD, S.GEMELD),
        (S.GEMELD, S.HEROPEND),
    ],
)
def test_impossible_moves_are_refused_with_a_message(source, target):
    with pytest.raises(TransitionNotAllowed, match="kan niet"):
        check_transition(source, target, Actor.HANDLER)


def test_a_reporter_cannot_close_a_report():
    with pytest.raises(TransitionNotAllowed):
        check_transition(S.GEMELD, S.AFGEHANDELD, Actor.REPORTER)


def test_every_state_is_either_open_or_closed_and_has_public_words():
    assert set(Status) == OPEN | CLOSED
    assert not OPEN & CLOSED
    assert set(PUBLIC_LABELS) == set(Status)


def test_every_handler_move_needs_a_message_to_the_reporter():
    handler_targets = {t for (_s, t), a in TRANSITIONS.items() if a == Actor.HANDLER}
    assert handler_targets == MESSAGE_REQUIRED


def test_merged_reports_go_nowhere():
    assert allowed_targets(S.SAMENGEVOEGD, Actor.HANDLER) == []
    assert allowed_targets(S.SAMENGEVOEGD, Actor.REPORTER) == []


def test_afgehandeld_is_not_called_solved():
    assert "opgelost" not in str(PUBLIC_LABELS[S.AFGEHANDELD]).lower()
