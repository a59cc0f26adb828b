"""Moving a round through its phases: start the next phase early, close the vote; and putting a
hidden round (an imported one starts hidden) on the site."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from common.feedback import ledger

from ..models import Round
from ..workflow import START_FIELD, Phase, may_advance, next_phase
from .base import BudgetError
from .paper import pending_refusal, pending_sheets


def round_advance_phase(*, round: Round, actor) -> Round:
    """Start the next phase now: its start date moves to now, later dates keep their order."""
    with transaction.atomic():
        row = Round.objects.select_for_update().get(pk=round.pk)
        now = timezone.now()
        phase = row.phase(now)
        if not may_advance(phase):
            if phase == Phase.STEMMEN:
                raise BudgetError(_("Het stemmen stopt door de ronde te sluiten."))
            raise BudgetError(_("Deze ronde heeft geen volgende fase om nu te starten."))
        # The phase is the latest one whose date has passed, so the next phase's date lies in
        # the future (or is empty): moving it to now starts that phase and nothing beyond it.
        setattr(row, START_FIELD[next_phase(phase)], now)
        row.save()
    return row


def round_publish(*, round: Round, actor) -> Round:
    """Show a hidden round on the site. An imported round only once its vote is closed: while it
    is open, residents could vote in an election held somewhere else."""
    with transaction.atomic():
        row = Round.objects.select_for_update().get(pk=round.pk)
        if row.is_published:
            raise BudgetError(_("Deze ronde staat al op de site."))
        if refusal := publish_refusal(row):
            raise BudgetError(refusal)
        row.is_published = True
        row.save(update_fields=["is_published"])
        if row.closed_at is not None:
            ledger.push(row)  # the ledger leaves imported rounds out (wijkbudget/ledger.py)
    return row


def publish_refusal(round: Round) -> str:
    if round.is_imported and round.closed_at is None:
        return _(
            "Sluit eerst het stemmen van deze ronde. Anders kunnen bewoners stemmen in een "
            "stemming die ergens anders is gehouden."
        )
    return ""


# Counting runs in the request for ordinary rounds; a very large round is counted by the task
# worker (MES with add-one completion takes seconds per 10,000 ballots), and the page says so.
COUNT_IN_REQUEST_MAX_BALLOTS = 20_000


def round_close(*, round: Round, actor) -> Round:
    """End the vote and publish the count. Holding the round's lock, no ballot can slip in
    between the last vote and the count (ballot_cast takes the same lock)."""
    with transaction.atomic():
        row = Round.objects.select_for_update().get(pk=round.pk)
        if row.closed_at is not None:
            raise BudgetError(_("Deze ronde is al gesloten."))
        if row.phase() != Phase.STEMMEN:
            raise BudgetError(_("Een ronde kan alleen gesloten worden terwijl er gestemd wordt."))
        # Paper entries take the same lock, so none can start waiting between check and close.
        if waiting := len(pending_sheets(row)):
            raise BudgetError(pending_refusal(waiting))
        row.closed_at = timezone.now()
        row.save(update_fields=["closed_at"])
        if row.ballots.count() <= COUNT_IN_REQUEST_MAX_BALLOTS:
            round_count(round=row)
        else:
            transaction.on_commit(lambda: count_round.enqueue(row.pk))
    return row


def round_count(*, round: Round) -> Round:
    """Compute and store the result of a closed round (once; the ballots no longer change)."""
    from .tally import compute_result

    with transaction.atomic():
        row = Round.objects.select_for_update().get(pk=round.pk)
        if row.closed_at is None:
            raise BudgetError(_("Een ronde wordt pas geteld als het stemmen gesloten is."))
        if row.result is None:
            row.result = compute_result(row)
            row.save(update_fields=["result"])
            ledger.push(row)
        round.result = row.result
        round.closed_at = row.closed_at
    return row


@task()
def count_round(round_id: int) -> int:
    """The count of a very large round, by the task worker (round_close queues it). Defined
    beside the service it runs, so the services never import tasks.py (no import cycle)."""
    round_count(round=Round.objects.get(pk=round_id))
    return round_id
