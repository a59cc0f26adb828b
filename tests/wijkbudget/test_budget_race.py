"""One ballot per code, race-free: fifty simultaneous submissions with one code leave one ballot
(the mark is unique in the database, and a second vote replaces the first under its lock)."""

import threading

import pytest
from django.db import connection

from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.models import Ballot, BallotChoice, HasVoted
from participation.wijkbudget.services import ballot_cast, vote_code_find, vote_codes_generate

THREADS = 50


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers; the race is exercised on PostgreSQL in CI",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_simultaneous_ballots_with_one_code_leave_one(coordinator):
    round = RoundFactory()
    plans = [ProposalFactory(round=round, estimated_cost_cents=100_000) for _ in range(5)]
    [text] = vote_codes_generate(round=round, count=1, actor=coordinator)
    code = vote_code_find(round=round, text=text)
    barrier = threading.Barrier(THREADS)
    results: list[str] = []

    def vote(i: int) -> None:
        from django.db import connections

        try:
            barrier.wait()
            ballot_cast(round=round, selection={plans[i % 5].pk: 1}, code=code)
            results.append("ok")
        except Exception as error:
            results.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=vote, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["ok"] * THREADS
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.count() == 1
    mark = HasVoted.objects.get()
    assert mark.times == THREADS
