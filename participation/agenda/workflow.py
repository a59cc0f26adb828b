"""The life of a registration for an activity as one table of allowed transitions (Signalen's
workflow.py pattern), asked through `TABLE` (common.feedback.workflow) by the services and by
nothing else. Pure Python: no database, testable on its own."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import TransitionNotAllowed as TransitionNotAllowed
from common.feedback.workflow import Transitions


class Status(models.TextChoices):
    CONFIRMED = "bevestigd", _("Aangemeld")
    WAITING = "wachtlijst", _("Op de wachtlijst")
    CANCELLED = "afgemeld", _("Afgemeld")


class Actor(models.TextChoices):
    PARTICIPANT = "participant", _("deelnemer")
    SYSTEM = "system", _("systeem")
    ORGANISER = "organiser", _("organisator")


S = Status

# A registration starts with a place while places are free, on the waiting list otherwise.
INITIAL = {True: S.CONFIRMED, False: S.WAITING}

# (from, to) -> who may make the move. Every move is listed once, by hand.
TRANSITIONS: dict[tuple[Status, Status], Actor | frozenset[Actor]] = {
    # A place comes free (a cancellation): the first on the waiting list moves up.
    (S.WAITING, S.CONFIRMED): Actor.SYSTEM,
    # The participant (or the erasure of their account) cancels, with a place or waiting; or
    # the organiser does it for them (the resident called, or is told by mail).
    (S.CONFIRMED, S.CANCELLED): frozenset({Actor.PARTICIPANT, Actor.ORGANISER}),
    (S.WAITING, S.CANCELLED): frozenset({Actor.PARTICIPANT, Actor.ORGANISER}),
}

# Holding a place or waiting for one: at most one such registration per person and activity
# (the database constraints on Registration say the same).
ACTIVE = frozenset({S.CONFIRMED, S.WAITING})
CLOSED = frozenset({S.CANCELLED})


TABLE = Transitions(
    TRANSITIONS,
    Status,
    Actor,
    ACTIVE,
    only_actor_message=_("Alleen de %(who)s kan een aanmelding op “%(target)s” zetten."),
)
allowed_targets = TABLE.allowed_targets
check_transition = TABLE.check
is_active = TABLE.is_open


def initial_status(*, has_place: bool) -> Status:
    return INITIAL[has_place]
