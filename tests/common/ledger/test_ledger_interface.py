"""The ledger's interface: publish creates one entry per input and updates it on a second call;
withdraw removes it; registered sources are what the ledger counts."""

import datetime as dt

import pytest
from django.utils import timezone

from common.feedback import ledger
from common.feedback.ledger.models import LedgerEntry

pytestmark = pytest.mark.django_db


def test_publish_creates_then_updates_one_entry_per_input(wijken, afdeling):
    now = timezone.now()
    entry = ledger.publish(
        source="test",
        obj=afdeling,
        title="Bankjes in het park",
        answer="We plaatsen vier bankjes.",
        answered_at=now,
        wijk=wijken["moerwijk"],
        deadline=now + dt.timedelta(days=1),
        input_url="/ergens/",
    )
    assert entry.on_time is True
    again = ledger.publish(
        source="test",
        obj=afdeling,
        title="Bankjes in het park",
        answer="We plaatsen zes bankjes.",
        answered_at=now,
        deadline=now - dt.timedelta(days=1),
    )
    assert LedgerEntry.objects.count() == 1
    assert again.pk == entry.pk
    again.refresh_from_db()
    assert again.answer == "We plaatsen zes bankjes." and again.on_time is False


def test_withdraw_removes_the_entry(afdeling):
    ledger.publish(source="test", obj=afdeling, title="x", answer="y", answered_at=timezone.now())
    assert ledger.withdraw(obj=afdeling) == 1
    assert not LedgerEntry.objects.exists()


def test_a_module_joins_by_registering_a_source():
    def counts(wijk):
        return ledger.Counts(received=3, answered=2, on_time=1, overdue=1, decided=2)

    ledger.register_source("nieuw", "Nieuwe module", counts)
    try:
        source = ledger.all_sources()["nieuw"]
        assert source.counts(None).on_time_percent == 50
    finally:
        from common.feedback.ledger import registry

        registry._sources.pop("nieuw")


def test_builtin_sources_are_registered():
    assert {"meldingen", "initiatieven"} <= set(ledger.all_sources())


def test_an_input_about_several_wijken_is_listed_in_each_once(wijken, afdeling):
    from common.feedback.ledger.models import LedgerEntry

    ledger.publish(
        source="test",
        obj=afdeling,
        title="Plan voor het Zuiderpark",
        answer="Zo gaan we verder.",
        answered_at=timezone.now(),
        wijken=[wijken["moerwijk"], wijken["bouwlust"], wijken["vrederust"]],
    )
    for slug in ("moerwijk", "bouwlust", "vrederust"):
        assert LedgerEntry.objects.in_wijk(wijken[slug]).count() == 1
    assert not LedgerEntry.objects.in_wijk(wijken["morgenstond"]).exists()
