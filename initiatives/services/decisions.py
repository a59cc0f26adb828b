"""The broker's decisions: grant (from the wijk's fund, never more than remains), refer or
decline; then start and complete. Every decision is a status move with a message to the
initiator."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from common.money import format_euros

from .. import rules
from ..models import (
    Accountability,
    DeclineReason,
    Fund,
    Grant,
    Initiative,
)
from ..workflow import Actor, Status
from .base import (
    InitiativeError,
    locked,
    move,
    publish,
    tell_initiators,
)


def _check_broker(row: Initiative, actor) -> None:
    if not rules.is_assigned_broker(actor, row):
        raise InitiativeError(
            _("Dit initiatief is niet aan u toegewezen. Neem het eerst, of vraag om overdracht.")
        )


def _broker_move(row: Initiative, to: Status, actor, public_message: str, **options):
    return move(
        row, to=to, actor=actor, actor_kind=Actor.BROKER, public_message=public_message, **options
    )


def _announce(row: Initiative, public_message: str, **mail) -> None:
    """The initiator side reads the decision in a mail; open pages hear it live."""
    tell_initiators(row, "initiative_status", {"message": public_message.strip(), **mail})
    publish(row, "initiative.status")


def _grant_year(now) -> int:
    return timezone.localtime(now).year


@transaction.atomic
def initiative_grant(
    *,
    initiative: Initiative,
    actor,
    amount_cents: int,
    conditions: str,
    public_message: str,
    year: int | None = None,
) -> Grant:
    """Grant an amount from the wijk's fund of this year. Never more than remains: the fund row is
    locked before it is read, and the database refuses a fund granted beyond its total."""
    row = locked(initiative)
    _check_broker(row, actor)
    if amount_cents < 0:
        raise InitiativeError(_("Een bedrag kan niet negatief zijn."))
    requested = row.total_cents
    if amount_cents > requested:
        raise InitiativeError(
            _("U kunt niet meer toekennen dan er is gevraagd (%(requested)s).")
            % {"requested": format_euros(requested)}
        )
    now = timezone.now()
    year = year or _grant_year(now)
    fund = None
    if amount_cents > 0:
        fund = Fund.objects.select_for_update().filter(wijk_id=row.wijk_id, year=year).first()
        if fund is None:
            raise InitiativeError(
                _(
                    "Er is nog geen initiatievenfonds voor %(wijk)s in %(year)s. Vraag de "
                    "coördinator om het fonds in te stellen."
                )
                % {"wijk": row.wijk, "year": year}
            )
        if amount_cents > fund.remaining_cents:
            raise InitiativeError(
                _(
                    "Zoveel geld is er niet meer in het fonds van %(wijk)s: er is nog "
                    "%(remaining)s over, u wilde %(amount)s toekennen. Ken minder toe, of "
                    "verwijs door naar een ander fonds."
                )
                % {
                    "wijk": row.wijk,
                    "remaining": format_euros(fund.remaining_cents),
                    "amount": format_euros(amount_cents),
                }
            )
        try:
            with transaction.atomic():
                Fund.objects.filter(pk=fund.pk).update(
                    granted_cents=F("granted_cents") + amount_cents
                )
        except IntegrityError as error:  # the CheckConstraint: someone else was faster
            raise InitiativeError(
                _("Het fonds is intussen gewijzigd. Bekijk wat er over is en probeer opnieuw.")
            ) from error
    _broker_move(
        row,
        Status.TOEGEKEND,
        actor,
        public_message,
        details={"amount_cents": amount_cents, "conditions": conditions.strip()},
        now=now,
    )
    grant = Grant.objects.create(
        initiative=row,
        fund=fund,
        amount_cents=amount_cents,
        conditions=conditions.strip(),
        granted_by=actor,
        granted_at=now,
    )
    _announce(row, public_message, amount=format_euros(amount_cents), conditions=conditions.strip())
    return grant


@transaction.atomic
def initiative_refer(
    *, initiative: Initiative, actor, organisation: str, url: str = "", public_message: str
) -> Initiative:
    row = locked(initiative)
    _check_broker(row, actor)
    if not organisation.strip():
        raise InitiativeError(_("Naar welke organisatie of welk fonds verwijst u? Vul de naam in."))
    url = url.strip()
    if url and not url.lower().startswith(("https://", "http://")):
        raise InitiativeError(_("Deze link klopt niet. Begin met https://"))
    details = {"organisation": organisation.strip(), "url": url}
    _broker_move(row, Status.DOORVERWEZEN, actor, public_message, details=details)
    _announce(
        row, public_message, organisation=details["organisation"], url_organisation=details["url"]
    )
    return row


@transaction.atomic
def initiative_decline(
    *, initiative: Initiative, actor, reasons: list[str], public_message: str
) -> Initiative:
    row = locked(initiative)
    _check_broker(row, actor)
    labels = dict(DeclineReason.choices)
    chosen = [r for r in reasons if r in labels]
    if not chosen:
        raise InitiativeError(_("Kies minstens één reden waarom het niet kan."))
    _broker_move(row, Status.AFGEWEZEN, actor, public_message, details={"reasons": chosen})
    _announce(row, public_message, reasons=[str(labels[r]) for r in chosen])
    return row


@transaction.atomic
def initiative_start(*, initiative: Initiative, actor, public_message: str) -> Initiative:
    """The conditions are met: the initiative is carried out."""
    row = locked(initiative)
    _check_broker(row, actor)
    _broker_move(row, Status.IN_UITVOERING, actor, public_message)
    _announce(row, public_message)
    return row


@transaction.atomic
def initiative_complete(*, initiative: Initiative, actor, public_message: str) -> Initiative:
    """The broker confirms the accountability the initiator filed; the spent amount is booked on
    the grant, so the fund overview shows it."""
    row = locked(initiative)
    _check_broker(row, actor)
    accountability = Accountability.objects.filter(initiative=row).prefetch_related("lines").first()
    if accountability is None:
        raise InitiativeError(
            _("De bewoner heeft de verantwoording nog niet ingevuld. Vraag erom.")
        )
    now = timezone.now()
    _broker_move(row, Status.AFGEROND, actor, public_message, now=now)
    accountability.confirmed_by = actor
    accountability.confirmed_at = now
    accountability.save(update_fields=["confirmed_by", "confirmed_at"])
    Grant.objects.filter(initiative=row, released_at=None).update(
        spent_cents=accountability.spent_cents
    )
    _announce(row, public_message)
    return row
