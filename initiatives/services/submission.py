"""The initiator's moves: submitting a complete draft, consenting to publication, withdrawing."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.feedback.channel import Channel
from common.feedback.language import supported_language
from common.feedback.references import next_reference
from common.feedback.secrets import hash_secret, new_secret
from common.l10n import format_day, iso_day
from common.notifications import notify
from common.translation.services import translate_later
from common.workdays import add_working_days

from .. import rules
from ..models import (
    BrokerWijk,
    CoInitiator,
    Fund,
    Grant,
    Help,
    Initiative,
    InitiativeEvent,
    Recording,
)
from ..workflow import Actor, Status
from .base import (
    InitiativeError,
    first_response_days,
    locked,
    move,
    publish,
    tell_broker,
    tell_initiators,
    workspace_path,
)
from .drafts import set_needs

# Initiatives are numbered IN-<year>-<n>, in their own sequence of the kernel's counter.
REFERENCE_PREFIX = "IN"


def missing_for_submission(initiative: Initiative) -> list[str]:
    """What still has to be filled in, in the resident's words (empty: ready to send)."""
    missing = []
    if not initiative.title.strip():
        missing.append(_("een titel (stap 1)"))
    spoken = Recording.objects.filter(initiative=initiative).exists()
    if not initiative.what_why.strip() and not spoken:
        missing.append(_("wat u wilt doen en waarom, getypt of ingesproken (stap 1)"))
    if not initiative.for_whom.strip():
        missing.append(_("voor wie het is (stap 1)"))
    if not initiative.theme:
        missing.append(_("een thema (stap 1)"))
    if not initiative.wijk_id:
        missing.append(_("de wijk (stap 2)"))
    if not initiative.when_text.strip():
        missing.append(_("wanneer het is (stap 2)"))
    if not initiative.help_needed:
        missing.append(_("welke hulp u nodig heeft (stap 3)"))
    elif Help.GELD in initiative.help_needed and not initiative.budget_lines.exists():
        missing.append(_("de begroting: waarvoor u geld nodig heeft (stap 3)"))
    return missing


@transaction.atomic
def initiative_submit(*, initiative: Initiative, actor) -> Initiative:
    row = locked(initiative)
    if not rules.is_initiator_side(actor, row):
        raise InitiativeError(
            _("Alleen de bewoners die het plan maakten, kunnen dit initiatief indienen.")
        )
    if row.status != Status.CONCEPT:
        raise InitiativeError(_("Dit initiatief is al ingediend."))
    return _submit(row, actor=actor)


def _submit(row: Initiative, *, actor) -> Initiative:
    """Send a locked, complete draft in, for the initiator side or for a resident at the desk:
    the reference, the promise of a first response, the history, the mails and live updates."""
    missing = missing_for_submission(row)
    if missing:
        raise InitiativeError(_("Vul eerst nog in: %(missing)s.") % {"missing": ", ".join(missing)})
    now = timezone.now()
    row.reference = next_reference(REFERENCE_PREFIX, now)
    row.submitted_at = now
    row.first_response_deadline = add_working_days(now, first_response_days())
    row.waiting_on = "broker"
    deadline = iso_day(row.first_response_deadline)
    move(
        row,
        to=Status.INGEDIEND,
        actor=actor,
        actor_kind=Actor.INITIATOR,
        public_message=_(
            "We hebben uw initiatief ontvangen. Uiterlijk %(date)s neemt iemand van de gemeente "
            "contact met u op."
        )
        % {"date": format_day(row.first_response_deadline)},
        now=now,
    )
    tell_initiators(row, "initiative_received", {"deadline": deadline})
    # An initiative in another language reaches the broker in Dutch as well (when on).
    translate_later(row, ["what_why", "for_whom"], source=row.language, target="nl")
    context = {
        "reference": row.reference,
        "title": row.title,
        "wijk": row.wijk.name,
        "deadline": deadline,
        "url": workspace_path(row),
    }
    brokers = BrokerWijk.objects.filter(wijk=row.wijk, broker__is_active=True).select_related(
        "broker"
    )
    for area in brokers:
        notify(event="initiative_new", context=context, user=area.broker)
    publish(row, "initiative.new")
    return row


@dataclass(frozen=True)
class DeskPlan:
    """What a desk employee fills in with the resident: the five steps of the public form in
    one page (without files), and how to reach the resident."""

    title: str
    what_why: str
    for_whom: str
    theme: str
    wijk: object
    when_text: str
    help_needed: list[str]
    place: str = ""
    help_notes: str = ""
    lines: list[tuple[str, int]] = field(default_factory=list)
    publish_consent: bool = False
    email: str = ""
    phone: str = ""
    language: str = "nl"
    channel: str = Channel.BALIE


@transaction.atomic
def initiative_enter_at_desk(*, plan: DeskPlan, entered_by) -> tuple[Initiative, str]:
    """An initiative entered at the participatiewinkel's desk or on the phone for a resident who
    need not have an account: it is sent in at once, as the resident's own complete draft would
    be. The resident takes home a receipt with a link (mailed too when there is an address);
    opening it and logging in makes the initiative theirs, to follow and answer online. Until
    then the broker reaches them by the phone number or address given. Returns the initiative
    and the link's secret, which is stored nowhere else."""
    if not entered_by.has_perm("initiatives.enter_at_desk"):
        raise InitiativeError(
            _("Alleen een baliemedewerker kan een initiatief voor iemand invoeren.")
        )
    if plan.channel not in {Channel.BALIE, Channel.TELEFOON}:
        raise InitiativeError(_("Kies: aan de balie of aan de telefoon."))
    if not plan.title.strip():
        raise InitiativeError(_("Geef uw initiatief een titel."))
    row = Initiative.objects.create(
        initiator=None,
        title=plan.title.strip(),
        what_why=plan.what_why.strip(),
        for_whom=plan.for_whom.strip(),
        theme=plan.theme,
        wijk=plan.wijk,
        place=plan.place.strip(),
        when_text=plan.when_text.strip(),
        publish_consent=plan.publish_consent,
        contact_phone=plan.phone.strip(),
        language=supported_language(plan.language),
        channel=plan.channel,
        draft_step=5,
    )
    set_needs(row, help_needed=plan.help_needed, help_notes=plan.help_notes, lines=plan.lines)
    secret = new_secret()
    email = plan.email.strip().lower()
    CoInitiator.objects.create(
        initiative=row,
        email=email,
        token_hash=hash_secret(secret),
        invited_by=entered_by,
        as_initiator=True,
        language=row.language,
    )
    _submit(row, actor=entered_by)
    if email:
        notify(
            event="initiative_desk_entered",
            email=email,
            language=row.language,
            context={
                "reference": row.reference,
                "title": row.title,
                "deadline": iso_day(row.first_response_deadline),
            },
            secret_context={"accept_url": reverse("initiatives:accept", args=[secret])},
        )
    return row, secret


@transaction.atomic
def initiative_set_publication(*, initiative: Initiative, actor, publish_it: bool) -> Initiative:
    """The initiator's consent to show the initiative in the public gallery; revocable."""
    row = locked(initiative)
    if not rules.is_initiator_side(actor, row):
        raise InitiativeError(
            _("Alleen de bewoners die het plan maakten, beslissen of het online komt.")
        )
    if row.publish_consent == publish_it:
        return row
    row.publish_consent = publish_it
    row.save(update_fields=["publish_consent", "updated_at"])
    ledger.push(row)
    InitiativeEvent.objects.create(
        initiative=row,
        kind=InitiativeEvent.Kind.PUBLICATION,
        actor=actor,
        actor_kind=Actor.INITIATOR,
        details={"published": publish_it},
    )
    return row


@transaction.atomic
def initiative_withdraw(*, initiative: Initiative, actor, reason: str = "") -> Initiative:
    """The initiator stops. A grant not yet spent goes back to the wijk's fund."""
    row = locked(initiative)
    if not rules.is_withdraw_allowed(actor, row):
        raise InitiativeError(
            _("Alleen de bewoner die het plan maakte, kan met het initiatief stoppen.")
        )
    move(
        row,
        to=Status.INGETROKKEN,
        actor=actor,
        actor_kind=Actor.INITIATOR,
        public_message=reason.strip(),
    )
    grant = Grant.objects.filter(initiative=row).first()
    if grant is not None and grant.released_at is None and grant.fund_id:
        fund = Fund.objects.select_for_update().get(pk=grant.fund_id)
        Fund.objects.filter(pk=fund.pk).update(
            granted_cents=F("granted_cents") - grant.amount_cents
        )
        grant.released_at = timezone.now()
        grant.save(update_fields=["released_at"])
    tell_broker(row, "initiative_status", {"message": reason.strip()})
    publish(row, "initiative.status")
    return row
