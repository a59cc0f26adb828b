"""Paper ballots, typed in twice: the first person's typing waits; a second, different person
typing the same choices for the same sheet makes it count. A first entry with a typo is
corrected by a colleague who did not type it (and then still needs a second, matching entry),
or set aside when the sheet turns out invalid. The round does not close while sheets wait."""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Ballot, PaperBallotEntry, Round
from .base import BudgetError
from .voting import _open_and_checked, _open_round, _publish_turnout, _store_ballot


def pending_entries(round: Round) -> QuerySet[PaperBallotEntry]:
    """The first entries of sheets typed in once and not counted yet."""
    counted = round.paper_entries.filter(counted=True).values("sheet")
    return (
        round.paper_entries.filter(counted=False, discarded_at__isnull=True)
        .exclude(sheet__in=counted)
        .select_related("entered_by")
        .order_by("created_at", "pk")
    )


def pending_sheets(round: Round) -> list[str]:
    return sorted(set(pending_entries(round).values_list("sheet", flat=True)))


def pending_refusal(count: int) -> str:
    return ngettext(
        "Er wacht nog %(n)s papieren stembiljet op een tweede invoer of een correctie. "
        "Werk het eerst af; daarna kunt u de ronde sluiten.",
        "Er wachten nog %(n)s papieren stembiljetten op een tweede invoer of een "
        "correctie. Werk ze eerst af; daarna kunt u de ronde sluiten.",
        count,
    ) % {"n": count}


def _stored(selection: dict[int, int]) -> dict[str, int]:
    return {str(k): v for k, v in sorted(selection.items())}


def _active(row: Round, sheet: str) -> list[PaperBallotEntry]:
    entries = list(
        PaperBallotEntry.objects.select_for_update().filter(
            round=row, sheet=sheet, discarded_at__isnull=True
        )
    )
    if any(e.counted for e in entries):
        raise BudgetError(_("Stembiljet %(sheet)s is al geteld.") % {"sheet": sheet})
    return entries


def paper_ballot_enter(
    *, round: Round, sheet: str, selection: dict[int, int], actor
) -> Ballot | None:
    """Double entry. A difference is refused, with both kept out of the count, so a third look
    at the paper settles it (paper_entry_correct)."""
    sheet = (sheet or "").strip()
    if not sheet:
        raise BudgetError(_("Vul het nummer in dat op het papieren stembiljet staat."))
    with transaction.atomic():
        row, selection = _open_and_checked(round, selection)
        entries = _active(row, sheet)
        if any(e.entered_by_id == actor.pk for e in entries):
            raise BudgetError(
                _(
                    "U heeft stembiljet %(sheet)s al ingevoerd. Een collega moet het nog een "
                    "keer invoeren."
                )
                % {"sheet": sheet}
            )
        stored = _stored(selection)
        if entries and entries[0].choices != stored:
            raise BudgetError(
                _(
                    "Uw invoer van stembiljet %(sheet)s is anders dan die van uw collega. Het telt "
                    "nog niet mee. Bekijk het papieren stembiljet samen opnieuw. Zat de fout in de "
                    "eerste invoer? Verbeter die dan bij ‘Papieren stembiljetten die wachten’."
                )
                % {"sheet": sheet}
            )
        entry = PaperBallotEntry.objects.create(
            round=row, sheet=sheet, entered_by=actor, choices=stored
        )
        if not entries:
            return None
        entry.counted = True
        entry.save(update_fields=["counted"])
        ballot = _store_ballot(row, selection, "", Ballot.Source.PAPER)
        _publish_turnout(row)
    return ballot


def paper_entry_correct(
    *, entry: PaperBallotEntry, selection: dict[int, int], actor
) -> PaperBallotEntry:
    """A colleague who did not type the first entry replaces it with what is on the paper. The
    old entry is kept, set aside; the sheet still counts only once someone else types the same."""
    with transaction.atomic():
        row, selection = _open_and_checked(entry.round, selection)
        entries = _active(row, entry.sheet)
        first = next((e for e in entries if e.pk == entry.pk), None)
        if first is None:
            raise BudgetError(
                _("Deze invoer van stembiljet %(sheet)s is al verbeterd of weggegooid.")
                % {"sheet": entry.sheet}
            )
        if first.entered_by_id == actor.pk:
            raise BudgetError(
                _(
                    "U heeft deze invoer zelf gedaan. Een collega die stembiljet %(sheet)s nog "
                    "niet heeft ingevoerd, moet hem verbeteren."
                )
                % {"sheet": entry.sheet}
            )
        first.discarded_at = timezone.now()
        first.discarded_by = actor
        first.save(update_fields=["discarded_at", "discarded_by"])
        return PaperBallotEntry.objects.create(
            round=row, sheet=first.sheet, entered_by=actor, choices=_stored(selection)
        )


def paper_entry_discard(*, entry: PaperBallotEntry, actor) -> None:
    """The sheet is invalid after all: set its waiting entry aside, so it never counts."""
    with transaction.atomic():
        row = _open_round(entry.round)
        entries = _active(row, entry.sheet)
        for e in entries:
            e.discarded_at = timezone.now()
            e.discarded_by = actor
            e.save(update_fields=["discarded_at", "discarded_by"])
