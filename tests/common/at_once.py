"""Races for the tests that prove a lock or a constraint: the calls start together from threads
released by one barrier, each on its own database connection. SQLite serialises writers, so
these tests run on PostgreSQL (in CI) only."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection


def race_test(test):
    """Mark a race test: a real transaction per thread, and skipped on SQLite."""
    test = pytest.mark.django_db(transaction=True, serialized_rollback=True)(test)
    return pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite serialises writers; the lock is exercised on PostgreSQL in CI",
    )(test)


def at_once(*calls: Callable[[], object]) -> list:
    """Run every call in a thread of its own, all released at the same moment; what each
    returned, or the exception it raised, in the order of `calls`."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        from django.db import connections

        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
