"""The initiator's draft: saved at every step of the guided form, with photos, PDFs and
co-initiators invited by email."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.audio import CheckedAudio
from common.feedback.language import current_language
from common.feedback.secrets import hash_secret, new_secret
from common.images import SanitisedImage
from common.notifications import notify

from .. import rules
from ..files import pdf_file, safe_display_name
from ..models import (
    Attachment,
    BudgetLine,
    CoInitiator,
    Help,
    Initiative,
    Photo,
    Recording,
)
from ..workflow import Status
from .base import (
    InitiativeError,
    locked,
)

MAX_PHOTOS = 5
MAX_ATTACHMENTS = 3
MAX_CO_INITIATORS = 5
MAX_BUDGET_LINES = 20

STEP_FIELDS = {
    1: {"title", "what_why", "for_whom", "theme"},
    2: {"wijk", "place", "lat", "lon", "when_text", "start_date"},
    5: {"publish_consent"},
}


def _check_edit(initiative: Initiative, actor) -> None:
    if not rules.is_initiator_side(actor, initiative):
        raise InitiativeError(
            _("Alleen de bewoners die het plan maakten, kunnen dit initiatief aanpassen.")
        )
    if not initiative.is_editable:
        raise InitiativeError(
            _(
                "Dit initiatief kan niet meer worden aangepast. "
                "Stuur uw contactpersoon bij de gemeente een bericht."
            )
        )


@transaction.atomic
def initiative_create(*, initiator, title: str, **fields) -> Initiative:
    """Step 1 of a new initiative: from here on it is a draft that is saved at every step."""
    if not title.strip():
        raise InitiativeError(_("Geef uw initiatief een titel."))
    values = {k: v for k, v in fields.items() if k in STEP_FIELDS[1]}
    return Initiative.objects.create(
        initiator=initiator, title=title.strip(), draft_step=1, **values
    )


@transaction.atomic
def initiative_update(*, initiative: Initiative, actor, step: int, **fields) -> Initiative:
    """Save the fields of one step (1, 2 or 5)."""
    row = locked(initiative)
    _check_edit(row, actor)
    allowed = STEP_FIELDS.get(step, set())
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Fields {sorted(unknown)} do not belong to step {step}")
    if "title" in fields and not fields["title"].strip():
        raise InitiativeError(_("Geef uw initiatief een titel."))
    for name, value in fields.items():
        setattr(row, name, value.strip() if isinstance(value, str) else value)
    row.draft_step = max(row.draft_step, step)
    row.save()
    return row


@transaction.atomic
def initiative_set_recording(
    *, initiative: Initiative, actor, recording: CheckedAudio | None
) -> Recording | None:
    """The spoken what and why of step 1: a new recording takes the place of the old one;
    None removes it (the file too)."""
    row = locked(initiative)
    _check_edit(row, actor)
    Recording.erase(Recording.objects.filter(initiative=row))
    if recording is None:
        return None
    stored = Recording(initiative=row, uploaded_by=actor)
    stored.store(recording)
    return stored


def set_needs(
    row: Initiative, *, help_needed: list[str], help_notes: str, lines: list[tuple[str, int]]
) -> None:
    """Check and save the help and the budget lines of a locked initiative (amounts in cents).
    The total is never typed: it is the sum of the lines, so it always adds up."""
    valid = {h.value for h in Help}
    needs = [h for h in dict.fromkeys(help_needed) if h in valid]
    lines = [(d.strip(), int(c)) for d, c in lines if d.strip() or c]
    if len(lines) > MAX_BUDGET_LINES:
        raise InitiativeError(_("Gebruik hoogstens 20 regels. Voeg kleine posten samen."))
    for description, cents in lines:
        if not description:
            raise InitiativeError(_("Schrijf bij elk bedrag waarvoor het is."))
        if cents <= 0:
            raise InitiativeError(_("Vul bij “%(line)s” een bedrag in.") % {"line": description})
    if lines and Help.GELD not in needs:
        needs.insert(0, Help.GELD.value)
    if Help.GELD in needs and not lines:
        raise InitiativeError(
            _("U vroeg om geld. Schrijf op waarvoor u het nodig heeft, met een bedrag.")
        )
    row.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(initiative=row, description=d[:200], amount_cents=c, position=i)
        for i, (d, c) in enumerate(lines)
    )
    row.help_needed = needs
    row.help_notes = help_notes.strip()
    row.draft_step = max(row.draft_step, 3)
    row.save()


@transaction.atomic
def initiative_set_needs(
    *,
    initiative: Initiative,
    actor,
    help_needed: list[str],
    help_notes: str = "",
    lines: list[tuple[str, int]],
) -> Initiative:
    """Step 3: the help that is needed, and the budget lines (amounts in cents). The total is
    never typed: it is the sum of the lines, so it always adds up."""
    row = locked(initiative)
    _check_edit(row, actor)
    set_needs(row, help_needed=help_needed, help_notes=help_notes, lines=lines)
    return row


@transaction.atomic
def initiative_add_photo(
    *, initiative: Initiative, actor, image: SanitisedImage, kind: str = Photo.Kind.PLAN
) -> Photo:
    row = locked(initiative)
    if kind == Photo.Kind.PLAN:
        _check_edit(row, actor)
    elif not rules.is_initiator_side(actor, row) or row.status != Status.IN_UITVOERING:
        raise InitiativeError(_("Foto's van het resultaat horen bij de verantwoording."))
    if row.photos.filter(kind=kind).count() >= MAX_PHOTOS:
        raise InitiativeError(_("U kunt hoogstens 5 foto's toevoegen. Haal er eerst een weg."))
    photo = Photo(initiative=row, kind=kind, uploaded_by=actor)
    photo.store(image)
    return photo


@transaction.atomic
def initiative_add_attachment(
    *, initiative: Initiative, actor, data: bytes, name: str
) -> Attachment:
    """`data` has passed files.check_pdf already (in the form)."""
    row = locked(initiative)
    _check_edit(row, actor)
    if row.attachments.count() >= MAX_ATTACHMENTS:
        raise InitiativeError(_("U kunt hoogstens 3 bijlagen toevoegen. Haal er eerst een weg."))
    attachment = Attachment(
        initiative=row, name=safe_display_name(name), size=len(data), uploaded_by=actor
    )
    attachment.file.save("bijlage.pdf", pdf_file(data, "bijlage"), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def initiative_remove_file(*, initiative: Initiative, actor, photo_id=None, attachment_id=None):
    row = locked(initiative)
    _check_edit(row, actor)
    items = []
    if photo_id:
        items += list(row.photos.filter(pk=photo_id, kind=Photo.Kind.PLAN))
    if attachment_id:
        items += list(row.attachments.filter(pk=attachment_id))
    for item in items:
        if isinstance(item, Photo):
            item.delete_files()
        elif item.file:
            item.file.delete(save=False)
        item.delete()
    return len(items)


@transaction.atomic
def initiative_invite(*, initiative: Initiative, actor, email: str) -> CoInitiator:
    """Invite a co-initiator by email. The link in the mail is the only copy of its secret."""
    row = locked(initiative)
    if not rules.is_initiator_side(actor, row) or not row.is_open:
        raise InitiativeError(
            _("Alleen de bewoners die het plan maakten, kunnen iemand uitnodigen.")
        )
    email = email.strip().lower()
    if email == (actor.email or "").lower() or (
        row.initiator_id and row.initiator.email.lower() == email
    ):
        raise InitiativeError(_("Dit e-mailadres is van iemand die al meedoet met het plan."))
    if row.co_initiators.count() >= MAX_CO_INITIATORS:
        raise InitiativeError(_("U kunt hoogstens 5 mensen uitnodigen."))
    if row.co_initiators.filter(email=email).exists():
        raise InitiativeError(_("Dit e-mailadres is al uitgenodigd."))
    token = new_secret()
    invitation = CoInitiator.objects.create(
        initiative=row, email=email, token_hash=hash_secret(token), invited_by=actor
    )
    notify(
        event="initiative_invitation",
        email=email,
        language=invitation.language,
        context={"title": row.title, "inviter": actor.get_short_name()},
        secret_context={"accept_url": reverse("initiatives:accept", args=[token])},
    )
    return invitation


def invitation_by_token(token: str) -> CoInitiator | None:
    return CoInitiator.objects.filter(token_hash=hash_secret(token)).first()


def _claim(invitation: CoInitiator, user) -> CoInitiator:
    """The link of an initiative entered at the desk: the resident who opens it becomes its
    initiator (once: the link then stops working), and hears in the language they use now."""
    initiative = Initiative.objects.select_for_update().get(pk=invitation.initiative_id)
    if initiative.initiator_id is not None and initiative.initiator_id != user.pk:
        raise InitiativeError(_("Dit initiatief staat al in het account van iemand anders."))
    initiative.initiator = user
    initiative.language = current_language()
    initiative.save(update_fields=["initiator", "language", "updated_at"])
    invitation.delete()
    return invitation


@transaction.atomic
def initiative_accept_invitation(*, token: str, user) -> CoInitiator:
    invitation = (
        CoInitiator.objects.select_for_update()
        .select_related("initiative")
        .filter(token_hash=hash_secret(token))
        .first()
    )
    if invitation is None:
        raise InitiativeError(_("Deze uitnodiging bestaat niet (meer). Vraag om een nieuwe."))
    if invitation.as_initiator:
        return _claim(invitation, user)
    if invitation.accepted_at:
        if invitation.user_id == user.pk:
            return invitation
        raise InitiativeError(_("Deze uitnodiging is al door iemand anders aangenomen."))
    if invitation.initiative.initiator_id == user.pk:
        raise InitiativeError(_("U heeft dit initiatief zelf gemaakt."))
    if not invitation.initiative.is_open:
        raise InitiativeError(
            _("Dit initiatief is gesloten. U kunt niet meer meedoen met het plan.")
        )
    if invitation.initiative.co_initiators.filter(user=user).exists():
        raise InitiativeError(_("U doet al mee met dit initiatief."))
    invitation.user = user
    invitation.accepted_at = timezone.now()
    # From now on they hear in the language they accepted in (the invitation went out in the
    # inviter's).
    invitation.language = current_language()
    try:
        with transaction.atomic():
            invitation.save(update_fields=["user", "accepted_at", "language"])
    except IntegrityError as error:
        raise InitiativeError(_("U doet al mee met dit initiatief.")) from error
    return invitation
