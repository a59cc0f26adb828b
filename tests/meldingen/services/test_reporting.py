"""A new report: routed, numbered, promised a term (meldingen/services/reporting.py)."""

import pytest
from django.core import mail
from django.utils import timezone

from common.feedback.secrets import secret_matches
from common.l10n import format_day
from meldingen.services import Intake, MeldingError, melding_create
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def test_intake_gives_a_reference_a_deadline_a_wijk_and_a_department(
    categories, wijken, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        melding, secret = new_report(categories)
    year = timezone.localtime().year
    assert melding.reference.startswith(f"ZW-{year}-")
    assert melding.wijk == wijken["moerwijk"]
    assert melding.afdeling.slug == "stadsbeheer-openbare-ruimte"
    assert melding.deadline > timezone.now()
    assert secret_matches(secret, melding.secret_hash)
    assert not secret_matches("raden", melding.secret_hash)
    assert secret not in melding.secret_hash
    (message,) = mail.outbox
    assert message.to == ["bewoner@example.org"]
    assert melding.reference in message.subject
    assert f"/melden/volg/{melding.reference}/{secret}/" in message.body
    assert (
        format_day(melding.deadline, "nl", "weekday") in message.body or "werkdagen" in message.body
    )


def test_references_count_up_without_gaps(categories):
    first, _ = new_report(categories)
    second, _ = new_report(categories)
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1


def test_an_empty_description_is_refused(categories):
    with pytest.raises(MeldingError, match="Beschrijf"):
        new_report(categories, description="   ")


def test_a_sensitive_report_keeps_no_account_link(categories, resident):
    intake = Intake(
        category=categories["drugshandel"],
        description="Elke avond handel bij de flat",
        postcode="2541AA",
    )
    melding, _ = melding_create(intake=intake, photos=[], reporter=resident)
    assert melding.is_sensitive
    assert melding.reporter is None and melding.reporter_email == ""
    assert melding.afdeling.slug == "veiligheid"


def test_a_report_outside_zuidwest_is_refused_by_the_service(categories):
    with pytest.raises(MeldingError, match="niet in Den Haag Zuidwest"):
        new_report(categories, postcode="2511CV")
