"""Realisation: funded plans get short updates with a photo, shown on the round page."""

from django.db import transaction
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.images import SanitisedImage

from ..models import Proposal, RealisationUpdate
from .base import BudgetError, attach_photo


def realisation_add_update(
    *, proposal: Proposal, actor, text: str, photo: SanitisedImage | None = None
) -> RealisationUpdate:
    text = (text or "").strip()
    if not text:
        raise BudgetError(_("Schrijf kort wat er is gebeurd."))
    round = proposal.round
    result = round.result or {}
    funded = {p["id"] for p in result.get("projects", []) if p.get("selected")}
    if proposal.pk not in funded:
        raise BudgetError(_("Alleen plannen die gekozen zijn, krijgen een stand van uitvoering."))
    with transaction.atomic():
        update = RealisationUpdate(proposal=proposal, text=text, author=actor)
        if photo is not None:
            attach_photo(update, photo, "uitvoering")
        update.save()
        ledger.push(update)
    return update
