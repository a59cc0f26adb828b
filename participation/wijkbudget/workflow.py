"""The life of a budget round and of a proposal, as pure tables (Signalen's workflow.py pattern).

A round moves through five phases. Each phase starts at a date the coordinator sets; staff may
start the next phase early (the service then moves that date to now), so the dates on the public
page are always the real ones. Voting ends when staff close the round: only then is there an
outcome, and the phase is "uitslag" until realisation starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import Transitions


class Phase(models.TextChoices):
    VOORBEREIDING = "voorbereiding", _("In voorbereiding")
    IDEEEN = "ideeen", _("Ideeën indienen")
    HAALBAARHEID = "haalbaarheid", _("De gemeente kijkt of het kan")
    STEMMEN = "stemmen", _("Stemmen")
    UITSLAG = "uitslag", _("Uitslag")
    UITVOERING = "uitvoering", _("Uitvoering")


ORDER = [
    Phase.VOORBEREIDING,
    Phase.IDEEEN,
    Phase.HAALBAARHEID,
    Phase.STEMMEN,
    Phase.UITSLAG,
    Phase.UITVOERING,
]

# What a resident can do in each phase, and what comes next: the round page always says both.
DOING = {
    Phase.VOORBEREIDING: _("Deze ronde begint binnenkort."),
    Phase.IDEEEN: _("U kunt nu een idee indienen."),
    Phase.HAALBAARHEID: _("De gemeente kijkt nu of de ideeën kunnen en wat ze kosten."),
    Phase.STEMMEN: _("U kunt nu stemmen."),
    Phase.UITSLAG: _("Het stemmen is voorbij. Bekijk de uitslag."),
    Phase.UITVOERING: _("De gekozen plannen worden uitgevoerd."),
}
NEXT = {
    Phase.VOORBEREIDING: _("Daarna kunt u ideeën indienen."),
    Phase.IDEEEN: _("Daarna kijkt de gemeente of de ideeën kunnen."),
    Phase.HAALBAARHEID: _("Daarna stemt de wijk over de plannen die kunnen."),
    Phase.STEMMEN: _("Daarna tellen we de stemmen en ziet u de uitslag."),
    Phase.UITSLAG: _("Daarna voert de gemeente de gekozen plannen uit."),
    Phase.UITVOERING: _("Hier ziet u hoe ver de plannen zijn."),
}


@dataclass(frozen=True)
class PhaseDates:
    ideas_open: datetime | None
    review_start: datetime | None
    voting_start: datetime | None
    voting_end: datetime | None
    realisation_start: datetime | None
    closed: datetime | None = None


def current_phase(dates: PhaseDates, now: datetime) -> Phase:
    """The phase at `now`. Voting lasts until the round is closed, even after its planned end
    date: the count needs staff, and a round that is not counted has no result yet."""
    if dates.closed is not None:
        if dates.realisation_start is not None and now >= dates.realisation_start:
            return Phase.UITVOERING
        return Phase.UITSLAG
    if dates.voting_start is not None and now >= dates.voting_start:
        return Phase.STEMMEN
    if dates.review_start is not None and now >= dates.review_start:
        return Phase.HAALBAARHEID
    if dates.ideas_open is not None and now >= dates.ideas_open:
        return Phase.IDEEEN
    return Phase.VOORBEREIDING


def next_phase(phase: Phase) -> Phase | None:
    index = ORDER.index(Phase(phase))
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


# Which date field a staff "start the next phase now" moves, per target phase. Results come
# only from closing the round (round_close), never from a date.
START_FIELD = {
    Phase.IDEEEN: "ideas_open_at",
    Phase.HAALBAARHEID: "review_starts_at",
    Phase.STEMMEN: "voting_starts_at",
    Phase.UITVOERING: "realisation_starts_at",
}


class PhaseError(Exception):
    """An action outside its phase; the message is for the person who tried."""


def may_advance(phase: Phase) -> bool:
    """Staff may start the next phase early, except results: those come from closing."""
    target = next_phase(phase)
    return target in START_FIELD


class Actor(models.TextChoices):
    """Who moved a proposal: its proposer (submitting, agreeing to a merge) or the municipality."""

    PROPOSER = "proposer", _("indiener")
    STAFF = "staff", _("gemeente")
    SYSTEM = "system", _("systeem")


class Feasibility(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend, nog niet beoordeeld")
    HAALBAAR = "haalbaar", _("Haalbaar: komt op het stembiljet")
    NIET_HAALBAAR = "niet_haalbaar", _("Niet haalbaar")
    SAMENGEVOEGD = "samengevoegd", _("Samengevoegd met een ander voorstel")


F = Feasibility
# (from, to) -> who may make the move. Staff judge; a merge happens when the proposer agrees
# to the one staff suggested.
PROPOSAL_TRANSITIONS: dict[tuple[Feasibility, Feasibility], Actor] = {
    (F.INGEDIEND, F.HAALBAAR): Actor.STAFF,
    (F.INGEDIEND, F.NIET_HAALBAAR): Actor.STAFF,
    (F.INGEDIEND, F.SAMENGEVOEGD): Actor.PROPOSER,
    # A second look after new information; not once voting has started (service checks phase).
    (F.HAALBAAR, F.NIET_HAALBAAR): Actor.STAFF,
    (F.NIET_HAALBAAR, F.HAALBAAR): Actor.STAFF,
    (F.HAALBAAR, F.SAMENGEVOEGD): Actor.PROPOSER,
}
# Staff may judge feasibility while ideas come in and during the review, never during voting.
REVIEW_PHASES = frozenset({Phase.IDEEEN, Phase.HAALBAARHEID})

FEASIBILITY = Transitions(
    PROPOSAL_TRANSITIONS,
    Feasibility,
    Actor,
    open=frozenset({F.INGEDIEND, F.HAALBAAR, F.NIET_HAALBAAR}),
    only_actor_message=_("Alleen de %(who)s kan een voorstel op “%(target)s” zetten."),
)


def check_feasibility(source: Feasibility, target: Feasibility, actor: Actor) -> None:
    FEASIBILITY.check(source, target, actor, refuse=PhaseError)
