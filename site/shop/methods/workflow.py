"""The life of a request for personal advice as one table of allowed transitions (Signalen's
workflow.py pattern), asked through `TABLE` (common.feedback.workflow) by the services, the
staff's answer form and by nothing else. Pure Python: no database."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import TransitionNotAllowed as TransitionNotAllowed
from common.feedback.workflow import Transitions


class AdviceStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEANTWOORD = "beantwoord", _("Beantwoord")


class Actor(models.TextChoices):
    COORDINATOR = "coordinator", _("coördinator")


S = AdviceStatus

# (from, to) -> who may make the move: a coordinator answers an open request, once.
TRANSITIONS: dict[tuple[AdviceStatus, AdviceStatus], Actor] = {
    (S.OPEN, S.BEANTWOORD): Actor.COORDINATOR,
}

# Waiting for an answer: the promise of an answer by the deadline runs (models.DEADLINES).
OPEN = frozenset({S.OPEN})

TABLE = Transitions(
    TRANSITIONS,
    AdviceStatus,
    Actor,
    OPEN,
    only_actor_message=_("Alleen de %(who)s kan de adviesvraag op “%(target)s” zetten."),
)
allowed_targets = TABLE.allowed_targets
is_open = TABLE.is_open


def may_answer(status) -> bool:
    return S.BEANTWOORD in allowed_targets(AdviceStatus(status), Actor.COORDINATOR)


def is_answered(status) -> bool:
    return AdviceStatus(status) == S.BEANTWOORD
