"""The life of an initiative as one table of allowed transitions (Signalen's workflow.py pattern),
asked through `TABLE` (common.feedback.workflow) by the services and by nothing else."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from common.feedback.workflow import TransitionNotAllowed as TransitionNotAllowed
from common.feedback.workflow import Transitions


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    TOEGEKEND = "toegekend", _("Toegekend")
    DOORVERWEZEN = "doorverwezen", _("Doorverwezen")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    AFGEROND = "afgerond", _("Afgerond")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Actor(models.TextChoices):
    INITIATOR = "initiator", _("initiatiefnemer")
    BROKER = "broker", _("initiatievenmakelaar")
    SYSTEM = "system", _("systeem")


S = Status

# (from, to) -> who may make the move. Every move is listed once, by hand: the table is short
# enough to read, and reading it is the point.
TRANSITIONS: dict[tuple[Status, Status], Actor] = {
    (S.CONCEPT, S.INGEDIEND): Actor.INITIATOR,
    # A broker takes the initiative: the first response.
    (S.INGEDIEND, S.IN_GESPREK): Actor.BROKER,
    # The decision, after talking with the initiator.
    (S.IN_GESPREK, S.TOEGEKEND): Actor.BROKER,
    (S.IN_GESPREK, S.DOORVERWEZEN): Actor.BROKER,
    (S.IN_GESPREK, S.AFGEWEZEN): Actor.BROKER,
    # The broker confirms the conditions are met, and later the accountability.
    (S.TOEGEKEND, S.IN_UITVOERING): Actor.BROKER,
    (S.IN_UITVOERING, S.AFGEROND): Actor.BROKER,
}

# The initiator may stop at any step that is still open.
OPEN = frozenset({S.CONCEPT, S.INGEDIEND, S.IN_GESPREK, S.TOEGEKEND, S.IN_UITVOERING})
for _source in OPEN:
    TRANSITIONS[(_source, S.INGETROKKEN)] = Actor.INITIATOR

CLOSED = frozenset({S.DOORVERWEZEN, S.AFGEWEZEN, S.AFGEROND, S.INGETROKKEN})
# Submitted and not yet closed: what a broker works on.
ACTIVE = OPEN - {S.CONCEPT}
# Every broker move is visible to the initiator and needs a message to them.
MESSAGE_REQUIRED = frozenset(
    target for (_s, target), actor in TRANSITIONS.items() if actor == Actor.BROKER
)
NEEDS_GRANT = frozenset({S.TOEGEKEND})  # an amount (may be 0 for help without money), conditions
NEEDS_ORGANISATION = frozenset({S.DOORVERWEZEN})  # the organisation or fund, with a link
NEEDS_REASONS = frozenset({S.AFGEWEZEN})
NEEDS_ACCOUNTABILITY = frozenset({S.AFGEROND})
# The initiator (and co-initiators) may still change what they wrote.
EDITABLE = frozenset({S.CONCEPT, S.INGEDIEND, S.IN_GESPREK})
# With the initiator's consent, these are shown in the public gallery.
PUBLIC = frozenset(
    {S.INGEDIEND, S.IN_GESPREK, S.TOEGEKEND, S.DOORVERWEZEN, S.IN_UITVOERING, S.AFGEROND}
)
# Neighbours may still sign up to help.
OPEN_FOR_VOLUNTEERS = frozenset({S.INGEDIEND, S.IN_GESPREK, S.TOEGEKEND, S.IN_UITVOERING})

# What an initiator and the public read.
PUBLIC_LABELS = {
    S.CONCEPT: _("Nog niet ingediend"),
    S.INGEDIEND: _("Ingediend: de gemeente neemt contact op"),
    S.IN_GESPREK: _("In gesprek met de gemeente"),
    S.TOEGEKEND: _("Toegekend"),
    S.DOORVERWEZEN: _("Doorverwezen naar een andere organisatie"),
    S.AFGEWEZEN: _("Niet toegekend"),
    S.IN_UITVOERING: _("Wordt uitgevoerd"),
    S.AFGEROND: _("Afgerond"),
    S.INGETROKKEN: _("Gestopt door de bewoner die het plan maakte"),
}
# The pictogram beside each of those words (static/icons/<name>.svg, rendered by the
# `status_label` tag); the same picture as a melding's where the meaning is the same.
PUBLIC_ICONS = {
    S.CONCEPT: "status-concept",
    S.INGEDIEND: "status-ontvangen",
    S.IN_GESPREK: "status-gesprek",
    S.TOEGEKEND: "status-toegekend",
    S.DOORVERWEZEN: "status-doorgestuurd",
    S.AFGEWEZEN: "status-niet",
    S.IN_UITVOERING: "status-bezig",
    S.AFGEROND: "status-klaar",
    S.INGETROKKEN: "status-ingetrokken",
}


TABLE = Transitions(
    TRANSITIONS,
    Status,
    Actor,
    OPEN,
    only_actor_message=_("Alleen de %(who)s kan het initiatief op “%(target)s” zetten."),
)
allowed_targets = TABLE.allowed_targets
check_transition = TABLE.check
is_open = TABLE.is_open
