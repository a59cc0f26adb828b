"""Realisation: funded plans get short updates with a photo, shown on the round page."""

from django.db import transaction
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.images import SanitisedImage, make_thumbnail

from ..models import Proposal, RealisationUpdate
from .base import BudgetError


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
            file = photo.as_file("uitvoering")
            update.photo.save(file.name, file, save=False)
            thumb = make_thumbnail(photo.content).as_file("klein")
            update.thumbnail.save(thumb.name, thumb, save=False)
        update.save()
        ledger.push(update)
    return update
