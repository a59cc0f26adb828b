"""A resident's proposal: submitted, judged feasible or not (the proposer is told why), merged
with a similar one when its proposer agrees."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from common.images import SanitisedImage
from common.notifications import notify

from ..models import Proposal, ProposalEvent, Round
from ..workflow import (
    REVIEW_PHASES,
    Actor,
    Feasibility,
    Phase,
    PhaseError,
    check_feasibility,
)
from .base import BudgetError, attach_photo


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("round").get(pk=proposal.pk)


def _tell(proposal: Proposal, event: str, message: str) -> None:
    if proposal.proposer is None or not proposal.proposer.is_active:
        return
    notify(
        event=event,
        user=proposal.proposer,
        language=proposal.language,
        context={
            "title": proposal.title,
            "round": proposal.round.title,
            "message": message,
            "path": reverse("participation:proposal", args=[proposal.round.slug, proposal.pk]),
        },
    )


def proposal_submit(
    *,
    round: Round,
    proposer,
    title: str,
    description: str,
    estimated_cost_cents: int,
    place: str = "",
    lat: float | None = None,
    lon: float | None = None,
    photo: SanitisedImage | None = None,
) -> Proposal:
    if round.phase() != Phase.IDEEEN:
        raise BudgetError(
            _("U kunt nu geen ideeën indienen: die fase is voorbij of nog niet begonnen.")
        )
    if estimated_cost_cents > round.budget_cents:
        raise BudgetError(_("Dit plan kost meer dan het hele budget van de ronde."))
    with transaction.atomic():
        proposal = Proposal(
            round=round,
            proposer=proposer,
            title=title,
            description=description,
            estimated_cost_cents=estimated_cost_cents,
            place=place,
            lat=lat,
            lon=lon,
        )
        if photo is not None:
            attach_photo(proposal, photo, "voorstel")
        proposal.save()
        ProposalEvent.objects.create(
            proposal=proposal,
            to_status=Feasibility.INGEDIEND,
            public_message=_("Uw idee is ingediend. De gemeente kijkt of het kan."),
            actor=proposer,
            actor_kind=Actor.PROPOSER,
        )
    return proposal


def _judge(
    proposal: Proposal, to: Feasibility, actor, message: str, actor_kind: Actor = Actor.STAFF
) -> Proposal:
    row = _locked(proposal)
    if row.round.phase() not in REVIEW_PHASES:
        raise BudgetError(_("Voorstellen beoordelen kan alleen vóór het stemmen begint."))
    try:
        check_feasibility(row.status, to, actor_kind)
    except PhaseError as error:
        raise BudgetError(str(error)) from error
    ProposalEvent.objects.create(
        proposal=row,
        from_status=row.status,
        to_status=to,
        public_message=message,
        actor=actor,
        actor_kind=actor_kind,
    )
    row.status = to
    return row


def _decide(
    proposal: Proposal, to: Feasibility, actor, message: str, *, event: str, **fields
) -> Proposal:
    """Judge feasible or not, keep the cost and reason that go with it, and tell the proposer
    (the message is what they read)."""
    row = _judge(proposal, to, actor, message)
    for name, value in fields.items():
        setattr(row, name, value)
    row.save(update_fields=["status", *fields])
    _tell(row, event, message)
    return row


def proposal_mark_feasible(
    *, proposal: Proposal, actor, final_cost_cents: int, note: str = ""
) -> Proposal:
    with transaction.atomic():
        row = _locked(proposal)
        if final_cost_cents > row.round.budget_cents:
            raise BudgetError(_("Deze kosten zijn hoger dan het hele budget van de ronde."))
        if final_cost_cents < 0:
            raise BudgetError(_("Kosten kunnen niet negatief zijn."))
        message = note or _("Uw idee kan. Het komt op de lijst met plannen om op te stemmen.")
        return _decide(
            row,
            Feasibility.HAALBAAR,
            actor,
            message,
            event="wijkbudget_haalbaar",
            final_cost_cents=final_cost_cents,
            reason=note,
        )


def proposal_mark_infeasible(*, proposal: Proposal, actor, reason: str) -> Proposal:
    """The feedback loop: 'niet haalbaar' always comes with the reason, which the proposer
    hears."""
    reason = (reason or "").strip()
    if not reason:
        raise BudgetError(_("Schrijf op waarom het niet kan. De indiener krijgt deze uitleg."))
    with transaction.atomic():
        return _decide(
            proposal,
            Feasibility.NIET_HAALBAAR,
            actor,
            reason,
            event="wijkbudget_niet_haalbaar",
            reason=reason,
            final_cost_cents=None,
        )


def proposal_request_merge(*, proposal: Proposal, into: Proposal, actor, message: str) -> Proposal:
    """Staff suggest merging; nothing changes until the proposer agrees."""
    if proposal.pk == into.pk or proposal.round_id != into.round_id:
        raise BudgetError(_("Kies een ander voorstel uit dezelfde ronde."))
    if into.status == Feasibility.SAMENGEVOEGD:
        raise BudgetError(
            _("Dat voorstel is zelf al samengevoegd. Kies het voorstel waarin het opging.")
        )
    with transaction.atomic():
        row = _locked(proposal)
        if row.round.phase() not in REVIEW_PHASES:
            raise BudgetError(_("Voorstellen samenvoegen kan alleen vóór het stemmen begint."))
        row.merge_requested_into = into
        row.save(update_fields=["merge_requested_into"])
        text = message or _("Er is een voorstel dat veel op het uwe lijkt: “%(title)s”.") % {
            "title": into.title
        }
        _tell(row, "wijkbudget_samenvoegen", text)
    return row


def proposal_answer_merge(*, proposal: Proposal, actor, agree: bool) -> Proposal:
    with transaction.atomic():
        row = _locked(proposal)
        if row.proposer_id != getattr(actor, "pk", None):
            raise BudgetError(_("Alleen de indiener kan hierover beslissen."))
        into = row.merge_requested_into
        if into is None:
            raise BudgetError(_("Er is geen verzoek om samen te voegen."))
        row.merge_requested_into = None
        if not agree:
            row.save(update_fields=["merge_requested_into"])
            return row
        row = _judge(
            row,
            Feasibility.SAMENGEVOEGD,
            actor,
            _("Samengevoegd met “%(title)s”, met toestemming van de indiener.")
            % {"title": into.title},
            actor_kind=Actor.PROPOSER,
        )
        row.merged_into = into
        row.save(update_fields=["status", "merged_into", "merge_requested_into"])
    return row
