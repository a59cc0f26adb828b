"""The life of a participation process (inspraaktraject) as pure tables (Signalen's workflow.py
pattern), asked by the services and by nothing else. Pure Python: no database.

A process has two statuses: a concept that only staff see, and published. Publishing is the one
move, and only a coordinator makes it. Once published, the process moves through its stages by
the calendar alone: announced, open for reactions, waiting for the follow-up report, reported.
The stage is derived from the dates and the report, never stored."""

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import TransitionNotAllowed as TransitionNotAllowed
from common.feedback.workflow import Transitions


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept (nog niet openbaar)")
    GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")


class Actor(models.TextChoices):
    COORDINATOR = "coordinator", _("coördinator")


S = Status

# (from, to) -> who may make the move. A published process is not taken back: residents may
# already have reacted to it.
TRANSITIONS: dict[tuple[Status, Status], Actor] = {
    (S.CONCEPT, S.GEPUBLICEERD): Actor.COORDINATOR,
}

# Published: the promise of a follow-up report runs (models.DEADLINES waits on these).
PUBLIC = frozenset({S.GEPUBLICEERD})
# The follow-up report can be written (and corrected) once the process is public.
REPORTABLE = PUBLIC

TABLE = Transitions(
    TRANSITIONS,
    Status,
    Actor,
    open=frozenset({S.CONCEPT}),
    only_actor_message=_("Alleen de %(who)s kan een inspraaktraject op “%(target)s” zetten."),
)
allowed_targets = TABLE.allowed_targets
check_transition = TABLE.check


class Stage(models.TextChoices):
    """Where a published process stands for a resident, by the calendar."""

    AANGEKONDIGD = "aangekondigd", _("Binnenkort")
    OPEN = "open", _("Reageren kan")
    VERWERKING = "verwerking", _("Reageren is gesloten; de terugkoppeling volgt")
    TERUGGEKOPPELD = "teruggekoppeld", _("Terugkoppeling gepubliceerd")


def current_stage(
    *, starts_on: dt.date, ends_on: dt.date, has_report: bool, today: dt.date
) -> Stage:
    """A report ends the process whatever the dates say; before it, the dates decide (the last
    day of `ends_on` is still open)."""
    if has_report:
        return Stage.TERUGGEKOPPELD
    if today < starts_on:
        return Stage.AANGEKONDIGD
    if today <= ends_on:
        return Stage.OPEN
    return Stage.VERWERKING


def may_publish(status: Status) -> bool:
    """Publishing is the coordinator's move (the services check the permission first)."""
    return (Status(status), S.GEPUBLICEERD) in TRANSITIONS


def is_public(status: Status) -> bool:
    return Status(status) in PUBLIC


def may_report(status: Status) -> bool:
    return Status(status) in REPORTABLE


def accepts_reactions(
    *, status: Status, online_reactions: bool, starts_on: dt.date, ends_on: dt.date, today
) -> bool:
    """Online reactions come in while a public process with the online form is open by its
    dates. A report written early does not close the form: the dates were promised."""
    return (
        is_public(status)
        and online_reactions
        and current_stage(starts_on=starts_on, ends_on=ends_on, has_report=False, today=today)
        == Stage.OPEN
    )


def phase_is_current(*, starts_on: dt.date, ends_on: dt.date, today: dt.date) -> bool:
    """A phase of the process (its own dates, set by staff) runs today: the page marks it "Nu"."""
    return starts_on <= today <= ends_on
