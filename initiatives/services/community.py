"""What neighbours do (steun, 'ik doe mee') and the initiator's accountability afterwards."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import rules
from ..models import Accountability, AccountabilityLine, Initiative, Support, Volunteer
from ..workflow import OPEN_FOR_VOLUNTEERS, Status
from .base import InitiativeError, locked, publish
from .brokering import initiative_send_message


def _public_or_refuse(initiative: Initiative) -> None:
    if not initiative.is_public:
        raise InitiativeError(_("Dit initiatief staat niet (meer) op de website."))


@transaction.atomic
def initiative_support(*, initiative: Initiative, user) -> bool:
    """Steun: one per account, guarded by a unique constraint. False when already given."""
    _public_or_refuse(initiative)
    if rules.is_initiator_side(user, initiative):
        raise InitiativeError(_("U kunt uw eigen initiatief niet steunen."))
    try:
        with transaction.atomic():
            Support.objects.create(initiative=initiative, user=user)
    except IntegrityError:
        return False
    Initiative.objects.filter(pk=initiative.pk).update(support_count=F("support_count") + 1)
    publish(initiative, "initiative.support")
    return True


@transaction.atomic
def initiative_volunteer(
    *,
    initiative: Initiative,
    user,
    name: str,
    email: str = "",
    phone: str = "",
    message: str = "",
    share_contact: bool = False,
) -> Volunteer:
    _public_or_refuse(initiative)
    if initiative.status not in OPEN_FOR_VOLUNTEERS:
        raise InitiativeError(_("Aanmelden als vrijwilliger kan bij dit initiatief niet meer."))
    if rules.is_initiator_side(user, initiative):
        raise InitiativeError(_("U doet al mee: u heeft het plan gemaakt."))
    if not name.strip():
        raise InitiativeError(_("Vul uw naam in."))
    if share_contact and not (email.strip() or phone.strip()):
        raise InitiativeError(_("Vul een e-mailadres of telefoonnummer in om dat te delen."))
    try:
        with transaction.atomic():
            volunteer = Volunteer.objects.create(
                initiative=initiative,
                user=user,
                name=name.strip(),
                email=email.strip(),
                phone=phone.strip(),
                message=message.strip(),
                share_contact=share_contact,
            )
    except IntegrityError as error:
        raise InitiativeError(_("U heeft zich al aangemeld voor dit initiatief.")) from error
    Initiative.objects.filter(pk=initiative.pk).update(volunteer_count=F("volunteer_count") + 1)
    return volunteer


@dataclass
class SpentLine:
    budget_line_id: int | None
    description: str
    planned_cents: int
    spent_cents: int


@transaction.atomic
def initiative_file_accountability(
    *,
    initiative: Initiative,
    actor,
    what_happened: str,
    participants: int,
    lines: list[SpentLine],
) -> Accountability:
    """The initiator tells what happened and what was spent per budget line; the broker then
    confirms it (initiative_complete). Filing again replaces an unconfirmed report."""
    row = locked(initiative)
    if not rules.is_initiator_side(actor, row):
        raise InitiativeError(
            _("Alleen de bewoners die het plan maakten, kunnen de verantwoording invullen.")
        )
    if row.status != Status.IN_UITVOERING:
        raise InitiativeError(_("De verantwoording hoort bij een initiatief dat is uitgevoerd."))
    if not what_happened.strip():
        raise InitiativeError(_("Vertel kort wat er is gebeurd."))
    if participants < 0:
        raise InitiativeError(_("Het aantal deelnemers kan niet negatief zijn."))
    for line in lines:
        if line.spent_cents < 0:
            raise InitiativeError(_("Een uitgegeven bedrag kan niet negatief zijn."))
    Accountability.objects.filter(initiative=row, confirmed_at=None).delete()
    accountability = Accountability.objects.create(
        initiative=row,
        what_happened=what_happened.strip(),
        participants=participants,
        submitted_by=actor,
        submitted_at=timezone.now(),
    )
    AccountabilityLine.objects.bulk_create(
        AccountabilityLine(
            accountability=accountability,
            budget_line_id=line.budget_line_id,
            description=line.description[:200],
            planned_cents=line.planned_cents,
            spent_cents=line.spent_cents,
        )
        for line in lines
    )
    if row.broker_id:
        initiative_send_message(
            initiative=row,
            author=actor,
            text=_("Ik heb de verantwoording ingevuld. Wilt u die bekijken en bevestigen?"),
        )
    return accountability
