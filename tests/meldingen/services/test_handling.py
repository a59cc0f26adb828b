"""Handling a report: status moves, merges, two handlers at once (services/handling.py)."""

import threading

import pytest
from django.core import mail
from django.db import connection

from meldingen.models import Subscription
from meldingen.services import (
    Intake,
    MeldingError,
    melding_change_status,
    melding_create,
    melding_support,
)
from meldingen.workflow import Status
from tests.meldingen.services.reports import new_report

pytestmark = pytest.mark.django_db


def test_every_handler_move_needs_a_message(categories, handler):
    melding, _ = new_report(categories)
    with pytest.raises(MeldingError, match="bericht"):
        melding_change_status(
            melding=melding, to=Status.INGEPLAND, actor=handler, public_message=""
        )
    melding.refresh_from_db()
    assert melding.status == Status.GEMELD


def test_an_invalid_transition_is_refused(categories, handler):
    melding, _ = new_report(categories)
    with pytest.raises(MeldingError, match="kan niet"):
        melding_change_status(
            melding=melding, to=Status.REACTIE_ONTVANGEN, actor=handler, public_message="x"
        )


def test_a_status_change_is_written_and_mailed(
    categories, handler, django_capture_on_commit_callbacks
):
    melding, _ = new_report(categories)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding,
            to=Status.INGEPLAND,
            actor=handler,
            public_message="Donderdag komt de monteur.",
            internal_note="Monteur Jansen",
        )
    assert [h.to_status for h in melding.history.all()] == [Status.GEMELD, Status.INGEPLAND]
    assert "Donderdag komt de monteur." in mail.outbox[0].body
    assert "Monteur Jansen" not in mail.outbox[0].body  # internal notes stay internal


def test_a_stale_form_does_not_overwrite_a_colleagues_change(categories, handler):
    melding, _ = new_report(categories)
    melding_change_status(
        melding=melding, to=Status.IN_BEHANDELING, actor=handler, public_message="We kijken."
    )
    with pytest.raises(MeldingError, match="Iemand anders"):
        melding_change_status(
            melding=melding,
            to=Status.NIET_IN_BEHANDELING,
            actor=handler,
            public_message="Niet van ons.",
            expected_status=Status.GEMELD,
        )


def test_merging_moves_the_followers_to_the_survivor(categories, handler, resident):
    survivor, _ = new_report(categories)
    merged, _ = new_report(categories, email="buur@example.org")
    melding_support(melding=merged, user=resident)
    melding_change_status(
        melding=merged,
        to=Status.SAMENGEVOEGD,
        actor=handler,
        public_message="Dit is al gemeld; u volgt nu die melding.",
        merge_into=survivor,
    )
    followers = Subscription.objects.filter(melding=survivor)
    assert {(s.user_id, s.email) for s in followers} == {
        (None, "buur@example.org"),
        (resident.pk, ""),
    }
    survivor.refresh_from_db()
    assert survivor.supporters == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_handlers_at_once_lose_no_update(categories, handler_factory):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the row lock is exercised on PostgreSQL in CI")
    melding, _ = new_report(categories)
    first, second = handler_factory(), handler_factory()
    results = []

    def act(user, target, text):
        from django.db import connections

        try:
            melding_change_status(
                melding=melding,
                to=target,
                actor=user,
                public_message=text,
                expected_status=Status.GEMELD,
            )
            results.append(target)
        except MeldingError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=act, args=(first, Status.INGEPLAND, "Ingepland")),
        threading.Thread(target=act, args=(second, Status.NIET_IN_BEHANDELING, "Niet van ons")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(map(str, results)).count("refused") == 1
    melding.refresh_from_db()
    assert melding.history.count() == 2


def test_a_sensitive_report_cannot_be_merged_into_a_public_one(categories, handler):
    public, _ = new_report(categories)
    sensitive, _ = melding_create(
        intake=Intake(category=categories["drugshandel"], description="x", postcode="2532AB"),
        photos=[],
    )
    with pytest.raises(MeldingError, match="vertrouwelijke"):
        melding_change_status(
            melding=sensitive,
            to=Status.SAMENGEVOEGD,
            actor=handler,
            public_message="Samengevoegd",
            merge_into=public,
        )
