"""The broker's side of the conversation: take an initiative, write in the thread, keep notes,
hand it off. The decisions themselves are in decisions.py."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import role_names
from common.notifications import notify
from common.realtime import moment
from common.translation.services import mail_translation, translate_later
from common.workdays import add_working_days

from .. import rules
from ..models import (
    Initiative,
    InitiativeEvent,
    InternalNote,
    Message,
    WaitingOn,
)
from ..workflow import Actor, Status
from .base import (
    InitiativeError,
    decision_days,
    locked,
    move,
    publish,
    tell_broker,
    tell_initiators,
    workspace_path,
)


@transaction.atomic
def initiative_take(*, initiative: Initiative, actor, public_message: str) -> Initiative:
    """A broker takes an unassigned initiative: the first response, with a message."""
    row = locked(initiative)
    if row.broker_id is not None and row.broker_id != actor.pk:
        raise InitiativeError(_("Een collega heeft dit initiatief net opgepakt."))
    if not rules.is_take_allowed(actor, row):
        raise InitiativeError(_("U kunt dit initiatief niet oppakken."))
    now = timezone.now()
    row.broker = actor
    if row.first_response_at is None:
        row.first_response_at = now
    if row.status == Status.INGEDIEND:
        row.decision_deadline = add_working_days(now, decision_days())
        row.waiting_on = WaitingOn.NOBODY
        move(
            row,
            to=Status.IN_GESPREK,
            actor=actor,
            actor_kind=Actor.BROKER,
            public_message=public_message,
            details={"broker": actor.get_short_name()},
            now=now,
        )
        tell_initiators(row, "initiative_status", {"message": public_message.strip()})
    else:
        row.save()
    publish(row, "initiative.status")
    return row


def _language_of(initiative: Initiative, author) -> str:
    """The language an initiator-side author uses: the initiative's for its initiator, the
    one a co-initiator accepted in."""
    if initiative.initiator_id == author.pk:
        return initiative.language
    co = initiative.co_initiators.filter(user=author).first()
    return co.language if co is not None else initiative.language


@transaction.atomic
def initiative_send_message(*, initiative: Initiative, author, text: str) -> Message:
    """One message in the thread. The assigned broker writes as broker; the initiator and
    co-initiators as initiator. The other side gets an email."""
    row = locked(initiative)
    text = (text or "").strip()
    if not text:
        raise InitiativeError(_("Schrijf eerst uw bericht in het vak."))
    if row.status == Status.CONCEPT:
        raise InitiativeError(_("Dien uw initiatief eerst in; daarna kunt u berichten sturen."))
    if rules.is_assigned_broker(author, row):
        kind = Actor.BROKER
    elif rules.is_initiator_side(author, row):
        kind = Actor.INITIATOR
    else:
        raise InitiativeError(_("U kunt geen berichten sturen bij dit initiatief."))
    now = timezone.now()
    message = Message.objects.create(
        initiative=row, author=author, author_kind=kind, text=text, created_at=now
    )
    if row.is_open:
        row.waiting_on = WaitingOn.INITIATOR if kind == Actor.BROKER else WaitingOn.BROKER
    if kind == Actor.BROKER and row.first_response_at is None:
        row.first_response_at = now
    row.save(update_fields=["waiting_on", "first_response_at", "updated_at"])
    # Broker and resident each read the other's message machine-translated too (when on), the
    # original beside it: the broker writes Dutch, a resident the language they use here.
    source = "nl" if kind == Actor.BROKER else _language_of(row, author)
    target = row.language if kind == Actor.BROKER else "nl"
    translate_later(message, ["text"], source=source, target=target)
    extra = {
        "message": text,
        "author": author.get_short_name(),
        "machine_translations": {"message": mail_translation(message, "text", source=source)},
    }
    if kind == Actor.BROKER:
        tell_initiators(row, "initiative_message", extra)
    else:
        tell_broker(row, "initiative_message", extra)
    shown = {
        "id": message.pk,
        "text": text,
        "from_broker": kind == Actor.BROKER,
        "author_id": author.pk,
        "author": author.get_short_name(),
        "sent_at": moment(now),  # each page writes it in its reader's language ("at")
    }
    publish(row, "initiative.message", {"message": shown})
    return message


def initiative_add_note(*, initiative: Initiative, author, text: str) -> InternalNote:
    if not rules.is_visible_to_staff(author, initiative):
        raise InitiativeError(_("U kunt geen notities maken bij dit initiatief."))
    if not (text or "").strip():
        raise InitiativeError(_("Een notitie kan niet leeg zijn."))
    return InternalNote.objects.create(initiative=initiative, author=author, text=text.strip())


@transaction.atomic
def initiative_handoff(
    *, initiative: Initiative, actor, to_broker=None, to_afdeling=None, note: str = ""
) -> Initiative:
    """Give the initiative to another broker, or bring in an afdeling; kept in the history."""
    row = locked(initiative)
    if not rules.is_hand_off_allowed(actor, row):
        raise InitiativeError(_("Alleen de eigen makelaar of een coördinator kan overdragen."))
    if to_broker is None and to_afdeling is None:
        raise InitiativeError(_("Kies een makelaar of een afdeling."))
    if to_broker is not None:
        if not (to_broker.is_active and role_names(to_broker) & rules.BROKER_ROLES):
            raise InitiativeError(_("Deze collega is geen initiatievenmakelaar."))
        if to_broker.pk == row.broker_id:
            raise InitiativeError(_("Het initiatief is al van deze makelaar."))
    details = {"from_broker": str(row.broker or "")}
    if to_broker is not None:
        row.broker = to_broker
        details["to_broker"] = str(to_broker)
    if to_afdeling is not None:
        row.afdeling = to_afdeling
        details["to_afdeling"] = to_afdeling.name
    row.save()
    InitiativeEvent.objects.create(
        initiative=row,
        kind=InitiativeEvent.Kind.HANDOFF,
        from_status=row.status,
        to_status=row.status,
        actor=actor,
        actor_kind=Actor.BROKER,
        details=details,
    )
    if note.strip():
        InternalNote.objects.create(initiative=row, author=actor, text=note.strip())
    context = {
        "reference": row.reference,
        "title": row.title,
        "from": str(actor),
        "note": note.strip(),
        "url": workspace_path(row),
    }
    if to_broker is not None:
        notify(event="initiative_handoff", context=context, user=to_broker)
    if to_afdeling is not None and to_afdeling.email:
        notify(event="initiative_handoff", context=context, email=to_afdeling.email)
    publish(row, "initiative.changed")
    return row


def brokers_for_handoff():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=rules.BROKER_ROLES)
        .distinct()
        .order_by("display_name", "email")
    )
