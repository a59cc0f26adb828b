"""The life of a melding: its states, who may move it, and the one table of allowed transitions
(Signalen's workflow.py pattern). Pure Python; the services ask it through `TABLE`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import TransitionNotAllowed as TransitionNotAllowed
from common.feedback.workflow import Transitions


class Status(models.TextChoices):
    GEMELD = "gemeld", _("Gemeld")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    INGEPLAND = "ingepland", _("Ingepland")
    AFGEHANDELD = "afgehandeld", _("Afgehandeld")
    DOORGEZET = "doorgezet", _("Doorgezet")
    NIET_IN_BEHANDELING = "niet_in_behandeling", _("Niet in behandeling")
    SAMENGEVOEGD = "samengevoegd", _("Samengevoegd")
    REACTIE_GEVRAAGD = "reactie_gevraagd", _("Reactie gevraagd")
    REACTIE_ONTVANGEN = "reactie_ontvangen", _("Reactie ontvangen")
    VERZOEK_TOT_HEROPENEN = "verzoek_tot_heropenen", _("Verzoek tot heropenen")
    HEROPEND = "heropend", _("Heropend")


class Actor(models.TextChoices):
    HANDLER = "handler", _("behandelaar")
    REPORTER = "reporter", _("melder")
    SYSTEM = "system", _("systeem")


S = Status

# Work states a handler can move a report to from any open state.
_HANDLER_WORK = {
    S.IN_BEHANDELING,
    S.INGEPLAND,
    S.AFGEHANDELD,
    S.DOORGEZET,
    S.NIET_IN_BEHANDELING,
    S.SAMENGEVOEGD,
    S.REACTIE_GEVRAAGD,
}

# (from, to) -> who may make the move
TRANSITIONS: dict[tuple[Status, Status], Actor] = {}


def _allow(actor: Actor, sources, targets) -> None:
    for source in sources:
        for target in targets:
            if source != target:
                TRANSITIONS[(source, target)] = actor


_allow(
    Actor.HANDLER,
    [S.GEMELD, S.IN_BEHANDELING, S.INGEPLAND, S.REACTIE_ONTVANGEN, S.HEROPEND],
    _HANDLER_WORK,
)
# While waiting for the reporter, the handler may still act (or ask again).
_allow(Actor.HANDLER, [S.REACTIE_GEVRAAGD], _HANDLER_WORK - {S.SAMENGEVOEGD})
# An outside party (police, housing corporation) may give the case back.
_allow(Actor.HANDLER, [S.DOORGEZET], [S.IN_BEHANDELING, S.AFGEHANDELD, S.HEROPEND])
# A closed report is reopened by a handler, or after the reporter asked for it.
_allow(Actor.HANDLER, [S.AFGEHANDELD, S.NIET_IN_BEHANDELING], [S.HEROPEND])
_allow(
    Actor.HANDLER,
    [S.VERZOEK_TOT_HEROPENEN],
    [S.HEROPEND, S.AFGEHANDELD, S.NIET_IN_BEHANDELING],
)
# The reporter's own moves: answering a question, and "no, it is not solved".
_allow(Actor.REPORTER, [S.REACTIE_GEVRAAGD], [S.REACTIE_ONTVANGEN])
_allow(Actor.REPORTER, [S.AFGEHANDELD, S.NIET_IN_BEHANDELING], [S.VERZOEK_TOT_HEROPENEN])

OPEN = {
    S.GEMELD,
    S.IN_BEHANDELING,
    S.INGEPLAND,
    S.REACTIE_GEVRAAGD,
    S.REACTIE_ONTVANGEN,
    S.VERZOEK_TOT_HEROPENEN,
    S.HEROPEND,
}
CLOSED = {S.AFGEHANDELD, S.DOORGEZET, S.NIET_IN_BEHANDELING, S.SAMENGEVOEGD}
# Closed with an answer to the reporter; a merged report is answered by the one it joined.
ANSWERED = CLOSED - {S.SAMENGEVOEGD}
# States in which the reporter may say whether the problem was solved.
FEEDBACK_STATES = {S.AFGEHANDELD, S.NIET_IN_BEHANDELING}
# Every handler move is visible to the reporter and needs a message to them.
MESSAGE_REQUIRED = {
    target for (_source, target), actor in TRANSITIONS.items() if actor == "handler"
}
NEEDS_REASON = {S.NIET_IN_BEHANDELING}
NEEDS_PARTY = {S.DOORGEZET}
NEEDS_TARGET = {S.SAMENGEVOEGD}
AFTER_PHOTO_ALLOWED = {S.AFGEHANDELD}

# What a resident reads: plain words, never "solved" for a report we only closed.
PUBLIC_LABELS = {
    S.GEMELD: _("Ontvangen"),
    S.IN_BEHANDELING: _("We zijn ermee bezig"),
    S.INGEPLAND: _("Ingepland"),
    S.AFGEHANDELD: _("Afgehandeld"),
    S.DOORGEZET: _("Doorgestuurd naar een andere organisatie"),
    S.NIET_IN_BEHANDELING: _("We pakken dit niet op"),
    S.SAMENGEVOEGD: _("Samengevoegd met een andere melding"),
    S.REACTIE_GEVRAAGD: _("We hebben een vraag aan u"),
    S.REACTIE_ONTVANGEN: _("Uw antwoord is ontvangen"),
    S.VERZOEK_TOT_HEROPENEN: _("U vindt het niet opgelost: we kijken opnieuw"),
    S.HEROPEND: _("Opnieuw in behandeling"),
}
# The pictogram beside each of those words (static/icons/<name>.svg, rendered by the
# `status_label` tag): a picture for who reads with difficulty, never instead of the word.
PUBLIC_ICONS = {
    S.GEMELD: "status-ontvangen",
    S.IN_BEHANDELING: "status-bezig",
    S.INGEPLAND: "status-gepland",
    S.AFGEHANDELD: "status-klaar",
    S.DOORGEZET: "status-doorgestuurd",
    S.NIET_IN_BEHANDELING: "status-niet",
    S.SAMENGEVOEGD: "status-samengevoegd",
    S.REACTIE_GEVRAAGD: "status-vraag",
    S.REACTIE_ONTVANGEN: "status-antwoord",
    S.VERZOEK_TOT_HEROPENEN: "status-opnieuw",
    S.HEROPEND: "status-opnieuw",
}


TABLE = Transitions(
    TRANSITIONS,
    Status,
    Actor,
    OPEN,
    only_actor_message=_("Alleen de %(who)s kan de melding op “%(target)s” zetten."),
)
allowed_targets = TABLE.allowed_targets
check_transition = TABLE.check
is_open = TABLE.is_open
