"""What every initiative service shares: the refusal type, the locked read, the one function that
moves a status (checked against workflow.py, written to the history), and telling people."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.feedback.language import each_language
from common.notifications import notify
from common.realtime import group_name, publish_event
from common.translation.services import mail_translation, translate_later

from .. import workflow
from ..models import Initiative, InitiativeEvent
from ..rules import broker_group
from ..workflow import Actor, Status


def first_response_days() -> int:
    return settings.INITIATIVES_FIRST_RESPONSE_DAYS


def decision_days() -> int:
    return settings.INITIATIVES_DECISION_DAYS


class InitiativeError(ValidationError):
    """A refusal with a message for the person who tried (Dutch, plain)."""


def locked(initiative: Initiative) -> Initiative:
    return Initiative.objects.select_for_update().get(pk=initiative.pk)


def initiative_group(initiative: Initiative) -> str:
    return group_name("initiative", initiative.pk)


def queue_group(initiative: Initiative) -> str:
    return group_name("initiatives", "wijk", initiative.wijk_id or "none")


def event_payload(initiative: Initiative) -> dict:
    """Data and keys only: each open page makes the words in its reader's language
    (consumers.render_event)."""
    return {
        "reference": initiative.reference or "",
        "status": initiative.status,
        "title": initiative.title,
    }


def publish(initiative: Initiative, event: str, extra: dict | None = None) -> None:
    """Tell the open pages: the initiative's own (initiators and staff who may see it, see
    consumers.py) and the brokers' queues of its wijk and of its broker."""
    payload = {**event_payload(initiative), **(extra or {})}
    publish_event(initiative_group(initiative), event, payload)
    publish_event(queue_group(initiative), event, payload)
    if initiative.broker_id:
        publish_event(broker_group(initiative.broker_id), event, payload)


def initiator_path(initiative: Initiative) -> str:
    return reverse("initiatives:mine", args=[initiative.pk])


def workspace_path(initiative: Initiative) -> str:
    return reverse("initiatives_workspace:detail", args=[initiative.reference])


def mail_context(initiative: Initiative, extra: dict | None = None) -> dict:
    """JSON-serialisable: rendered later, by the notification task."""
    return {
        "reference": initiative.reference or "",
        "title": initiative.title,
        "status_label": each_language(lambda: initiative.public_label),
        "url": initiator_path(initiative),
        **(extra or {}),
    }


def initiator_side(initiative: Initiative) -> list[tuple]:
    """(user, language) of the initiator and each co-initiator who accepted: the initiator
    hears in the initiative's language, a co-initiator in the one they accepted in."""
    people = [(initiative.initiator, initiative.language)] if initiative.initiator_id else []
    for co in initiative.co_initiators.filter(accepted_at__isnull=False).select_related("user"):
        if co.user and co.user not in [user for user, _language in people]:
            people.append((co.user, co.language))
    return people


def _status_message_translation(initiative: Initiative, message: str) -> dict:
    """The broker's status message (the latest history row) machine-translated for the
    initiator side, when translation is on: queued for the initiative's language (its page),
    and made for each recipient's language before their mail goes."""
    latest = (
        initiative.events.filter(kind=InitiativeEvent.Kind.STATUS)
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest is None or latest.actor_kind != Actor.BROKER or latest.public_message != message:
        return {}
    translate_later(latest, ["public_message"], source="nl", target=initiative.language)
    return {"message": mail_translation(latest, "public_message", source="nl")}


def tell_initiators(initiative: Initiative, event: str, extra: dict | None = None, *, skip=None):
    extra = dict(extra or {})
    if event == "initiative_status" and extra.get("message"):
        extra["machine_translations"] = _status_message_translation(initiative, extra["message"])
    context = mail_context(initiative, extra)
    for user, language in initiator_side(initiative):
        if skip is not None and user.pk == skip.pk:
            continue
        notify(event=event, context=context, user=user, language=language)


def tell_broker(initiative: Initiative, event: str, extra: dict | None = None) -> None:
    if initiative.broker_id and initiative.reference:
        context = mail_context(initiative, {"url": workspace_path(initiative), **(extra or {})})
        notify(event=event, context=context, user=initiative.broker)


def move(
    initiative: Initiative,
    *,
    to: Status,
    actor,
    actor_kind: Actor,
    public_message: str = "",
    details: dict | None = None,
    now=None,
) -> InitiativeEvent:
    """Change the status of a locked initiative: check the table, set the timestamps, write the
    history row. The caller saves nothing else of the status and sends the mail."""
    to = Status(to)
    workflow.check_transition(Status(initiative.status), to, actor_kind, refuse=InitiativeError)
    message = (public_message or "").strip()
    if to in workflow.MESSAGE_REQUIRED and actor_kind == Actor.BROKER and not message:
        raise InitiativeError(
            _("Schrijf een bericht aan de bewoner: wat is er besloten, en waarom?")
        )
    now = now or timezone.now()
    source = initiative.status
    initiative.status = to
    if to in workflow.CLOSED:
        initiative.closed_at = now
        initiative.waiting_on = ""
    if to in {Status.TOEGEKEND, Status.DOORVERWEZEN, Status.AFGEWEZEN}:
        initiative.decided_at = now
    initiative.save()
    # Decided, started, completed or withdrawn: the ledger follows once the caller commits (and
    # sees what it saved after this, such as the grant or the confirmed accountability).
    ledger.push(initiative)
    return InitiativeEvent.objects.create(
        initiative=initiative,
        kind=InitiativeEvent.Kind.STATUS,
        from_status=source,
        to_status=to,
        actor=actor,
        actor_kind=actor_kind,
        public_message=message,
        details=details or {},
        created_at=now,
    )
