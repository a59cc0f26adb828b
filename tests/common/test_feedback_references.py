"""One reference counter for every module, keyed by (prefix, year). The counters that meldingen
and initiatives kept before move over with their last numbers: no reference is given twice."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from common.feedback.references import next_reference
from common.models import ReferenceCounter

BEFORE = [
    ("meldingen", "0004_referencecounter_prefix"),
    ("initiatives", "0002_booking_email_confirmed_at"),
]
AFTER = [
    ("meldingen", "0005_referencecounter_to_common"),
    ("initiatives", "0003_referencecounter_to_common"),
]


def at(year: int):
    return timezone.make_aware(dt.datetime(year, 6, 1, 12))


@pytest.mark.django_db
def test_each_prefix_and_year_counts_on_its_own():
    assert next_reference("ZW", at(2031)) == "ZW-2031-00001"
    assert next_reference("ZW", at(2031)) == "ZW-2031-00002"
    assert next_reference("IN", at(2031)) == "IN-2031-00001"
    assert next_reference("ZW", at(2032)) == "ZW-2032-00001"
    # New Year's night in Den Haag is still the old year in UTC: the local year counts.
    new_year = timezone.make_aware(dt.datetime(2033, 1, 1, 0, 30))
    assert next_reference("ZW", new_year) == "ZW-2033-00001"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_counters_carry_on_in_the_kernel_and_go_back_on_reverse():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    old.get_model("meldingen", "ReferenceCounter").objects.bulk_create(
        [
            old.get_model("meldingen", "ReferenceCounter")(prefix="ZW", year=2031, last=41),
            old.get_model("meldingen", "ReferenceCounter")(prefix="ZWV", year=2031, last=3),
        ]
    )
    old.get_model("initiatives", "ReferenceCounter").objects.create(year=2031, last=7)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    assert {(c.prefix, c.year, c.last) for c in ReferenceCounter.objects.all()} == {
        ("ZW", 2031, 41),
        ("ZWV", 2031, 3),
        ("IN", 2031, 7),
    }
    assert next_reference("ZW", at(2031)) == "ZW-2031-00042"
    assert next_reference("ZWV", at(2031)) == "ZWV-2031-00004"
    assert next_reference("IN", at(2031)) == "IN-2031-00008"

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    back = old.get_model("meldingen", "ReferenceCounter").objects.all()
    assert {(c.prefix, c.year, c.last) for c in back} == {("ZW", 2031, 42), ("ZWV", 2031, 4)}
    assert old.get_model("initiatives", "ReferenceCounter").objects.get(year=2031).last == 8

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_callers_at_once_never_get_the_same_reference():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the row lock is exercised on PostgreSQL in CI")
    given: list[str] = []
    start = threading.Barrier(4)

    def take():
        try:
            start.wait()
            for _ in range(5):
                given.append(next_reference("TT", at(2031)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(given) == [f"TT-2031-{n:05d}" for n in range(1, 21)]
