"""The reporter answers a question and says whether it was solved (services/reporter.py)."""

import pytest
from django.utils import timezone

from meldingen.models import Melding
from meldingen.services import (
    MeldingError,
    melding_change_status,
    melding_feedback,
    melding_reporter_reply,
)
from meldingen.workflow import Status
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def test_the_reporter_answers_a_question(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.REACTIE_GEVRAAGD, actor=handler, public_message="Welke paal?"
    )
    melding_reporter_reply(melding=melding, text="De paal bij huisnummer 12.")
    melding.refresh_from_db()
    assert melding.status == Status.REACTIE_ONTVANGEN
    assert melding.history.last().public_message == "De paal bij huisnummer 12."


def test_not_solved_goes_back_to_the_queue(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    melding_feedback(melding=melding, satisfied=False, text="De lamp is nog steeds uit.")
    melding.refresh_from_db()
    assert melding.status == Status.VERZOEK_TOT_HEROPENEN
    assert melding.closed_at is None
    with pytest.raises(MeldingError):
        melding_feedback(melding=melding, satisfied=True)


def test_feedback_closes_after_14_days(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    Melding.objects.filter(pk=melding.pk).update(
        closed_at=timezone.now() - timezone.timedelta(days=15)
    )
    with pytest.raises(MeldingError, match="14 dagen"):
        melding_feedback(melding=melding, satisfied=False, text="Nog kapot")
