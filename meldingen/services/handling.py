"""What the handling staff do with a report: move its status (checked against workflow.py,
written to the history), assign it, add a note, approve its public description."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.images import SanitisedImage
from common.realtime import publish_event
from common.workdays import add_working_days

from .. import workflow
from ..models import InternalNote, Melding, Photo, Priority, StatusChange, Subscription
from ..workflow import Actor, Status
from .base import (
    MeldingError,
    event_payload,
    lock,
    melding_group,
    queue_group,
    save_photo,
    tell_reporter,
)


@transaction.atomic
def melding_change_status(
    *,
    melding: Melding,
    to: Status,
    actor,
    public_message: str,
    expected_status: str | None = None,
    internal_note: str = "",
    external_party: str = "",
    merge_into: Melding | None = None,
    after_photo: SanitisedImage | None = None,
    actor_kind: Actor = Actor.HANDLER,
) -> Melding:
    locked = lock(melding)
    if expected_status and locked.status != expected_status:
        raise MeldingError(
            _(
                "Iemand anders heeft deze melding net gewijzigd. "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            )
        )
    to = Status(to)
    workflow.check_transition(Status(locked.status), to, actor_kind, refuse=MeldingError)
    message = (public_message or "").strip()
    if to in workflow.MESSAGE_REQUIRED and actor_kind == Actor.HANDLER and not message:
        raise MeldingError(_("Schrijf een bericht aan de melder: wat is er gebeurd, en waarom?"))
    if to in workflow.NEEDS_PARTY and not external_party.strip():
        raise MeldingError(_("Naar wie is de melding doorgezet? Vul de organisatie in."))
    if to in workflow.NEEDS_TARGET:
        if merge_into is None or merge_into.pk == locked.pk:
            raise MeldingError(_("Kies de melding waarmee deze wordt samengevoegd."))
        merge_into = Melding.objects.select_for_update().get(pk=merge_into.pk)
        if merge_into.is_sensitive != locked.is_sensitive:
            raise MeldingError(
                _("Een vertrouwelijke melding kan niet samen met een openbare melding.")
            )
        if merge_into.status == Status.SAMENGEVOEGD:
            raise MeldingError(
                _("Die melding is zelf al samengevoegd; kies de overgebleven melding.")
            )
    if after_photo is not None and to not in workflow.AFTER_PHOTO_ALLOWED:
        raise MeldingError(_("Een foto na afloop hoort bij afgehandeld."))

    now = timezone.now()
    source = locked.status
    locked.status = to
    if to in workflow.CLOSED:
        locked.closed_at = now
    elif source in workflow.CLOSED or to in {Status.HEROPEND, Status.VERZOEK_TOT_HEROPENEN}:
        locked.closed_at = None
        # Reopened: a new request with a new promise (common/feedback/deadlines.py).
        locked.deadline = add_working_days(now, locked.category.handling_days)
        locked.deadline_notified = False
        locked.expected_at = None
    if to == Status.SAMENGEVOEGD:
        locked.merged_into = merge_into
    locked.save()
    StatusChange.objects.create(
        melding=locked,
        from_status=source,
        to_status=to,
        actor=actor if actor_kind == Actor.HANDLER else None,
        actor_kind=actor_kind,
        public_message=message,
        external_party=external_party.strip(),
        created_at=now,
    )
    if internal_note.strip():
        InternalNote.objects.create(melding=locked, author=actor, text=internal_note.strip())
    if after_photo is not None:
        save_photo(locked, after_photo, Photo.Kind.AFTER)
    if to == Status.SAMENGEVOEGD:
        _move_followers(locked, merge_into)
    # Answered, reopened or merged away: the ledger shows it (or stops) once this commits.
    ledger.push(locked)
    if actor_kind == Actor.HANDLER:
        event = "melding_question" if to == Status.REACTIE_GEVRAAGD else "melding_status"
        tell_reporter(locked, event)
    payload = event_payload(locked)
    publish_event(melding_group(locked), "melding.status", payload)
    publish_event(queue_group(locked), "melding.changed", payload)
    return locked


def _move_followers(merged: Melding, survivor: Melding) -> None:
    """Everyone who followed the merged report now follows the survivor."""
    now = timezone.now()
    followers = []
    if merged.keep_informed:
        followers.append((merged.reporter, merged.reporter_email, now, merged.language))
    followers += [
        (sub.user, sub.email, sub.confirmed_at, sub.language)
        for sub in merged.subscriptions.select_related("user")
    ]
    for user, email, confirmed_at, language in followers:
        if user is None and not email:
            continue
        # A pending address stays pending: its link (for the merged report) still confirms it.
        # Each keeps hearing in their own language, not in the handler's who merged.
        Subscription.objects.get_or_create(
            melding=survivor,
            user=user,
            email="" if user else email,
            defaults={"confirmed_at": confirmed_at, "language": language},
        )
    # The merged report's reporter and its supporters all count as supporters of the survivor.
    Melding.objects.filter(pk=survivor.pk).update(
        supporters=F("supporters") + 1 + merged.supporters
    )


@transaction.atomic
def melding_assign(*, melding: Melding, assignee, actor) -> Melding:
    locked = lock(melding)
    if (
        assignee is not None
        and not Melding.objects.filter(pk=locked.pk).visible_to(assignee).exists()
    ):
        raise MeldingError(_("Deze collega mag deze melding niet behandelen."))
    locked.assigned_to = assignee
    locked.save(update_fields=["assigned_to", "updated_at"])
    InternalNote.objects.create(
        melding=locked,
        author=actor,
        text=_("Toegewezen aan %(name)s.") % {"name": assignee or _("niemand")},
    )
    publish_event(queue_group(locked), "melding.changed", event_payload(locked))
    return locked


@transaction.atomic
def melding_set_priority(*, melding: Melding, priority: str, actor) -> Melding:
    """Staff's own urgency of an open report (the reporter and the public never see it); the
    change is written in the internal notes and the queues hear of it."""
    locked = lock(melding)
    if priority not in Priority.values:
        raise MeldingError(_("Kies een prioriteit: normaal of hoog."))
    if locked.status in workflow.CLOSED:
        raise MeldingError(_("Een afgesloten melding krijgt geen andere prioriteit meer."))
    if locked.priority == priority:
        return locked
    locked.priority = priority
    locked.save(update_fields=["priority", "updated_at"])
    InternalNote.objects.create(
        melding=locked,
        author=actor,
        text=_("Prioriteit: %(priority)s.") % {"priority": Priority(priority).label},
    )
    publish_event(queue_group(locked), "melding.changed", event_payload(locked))
    return locked


@transaction.atomic
def melding_add_note(*, melding: Melding, author, text: str) -> InternalNote:
    if not text.strip():
        raise MeldingError(_("Een notitie kan niet leeg zijn."))
    return InternalNote.objects.create(melding=lock(melding), author=author, text=text.strip())


@transaction.atomic
def melding_set_public_description(*, melding: Melding, text: str, actor) -> Melding:
    locked = lock(melding)
    if locked.is_sensitive:
        raise MeldingError(_("Een vertrouwelijke melding wordt nooit openbaar."))
    locked.public_description = text.strip()
    locked.save(update_fields=["public_description", "updated_at"])
    ledger.push(locked)
    return locked
