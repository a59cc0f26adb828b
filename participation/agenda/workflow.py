"""The life of a registration for an activity as one table of allowed transitions (Signalen's
workflow.py pattern). Pure Python: no database, testable on its own. The services consult it;
nothing else decides."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    CONFIRMED = "bevestigd", _("Aangemeld")
    WAITING = "wachtlijst", _("Op de wachtlijst")
    CANCELLED = "afgemeld", _("Afgemeld")


class Actor(models.TextChoices):
    PARTICIPANT = "participant", _("deelnemer")
    SYSTEM = "system", _("systeem")


S = Status

# A registration starts with a place while places are free, on the waiting list otherwise.
INITIAL = {True: S.CONFIRMED, False: S.WAITING}

# (from, to) -> who may make the move. Every move is listed once, by hand.
TRANSITIONS: dict[tuple[Status, Status], Actor] = {
    # A place comes free (a cancellation): the first on the waiting list moves up.
    (S.WAITING, S.CONFIRMED): Actor.SYSTEM,
    # The participant (or the erasure of their account) cancels, with a place or waiting.
    (S.CONFIRMED, S.CANCELLED): Actor.PARTICIPANT,
    (S.WAITING, S.CANCELLED): Actor.PARTICIPANT,
}

# Holding a place or waiting for one: at most one such registration per person and activity
# (the database constraints on Registration say the same).
ACTIVE = frozenset({S.CONFIRMED, S.WAITING})
CLOSED = frozenset({S.CANCELLED})


class TransitionNotAllowed(Exception):
    """A move the table does not allow; the message is for the person who tried it."""


def initial_status(*, has_place: bool) -> Status:
    return INITIAL[has_place]


def allowed_targets(source: Status, actor: Actor) -> list[Status]:
    return [t for (s, t), a in TRANSITIONS.items() if s == source and a == actor]


def check_transition(source: Status, target: Status, actor: Actor) -> None:
    source, target = Status(source), Status(target)
    allowed = TRANSITIONS.get((source, target))
    if allowed is None or allowed != actor:
        raise TransitionNotAllowed(
            _("Van “%(source)s” naar “%(target)s” kan niet.")
            % {"source": source.label, "target": target.label}
        )


def is_active(status: Status) -> bool:
    return Status(status) in ACTIVE
