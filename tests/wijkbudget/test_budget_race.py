"""One ballot per code, race-free: fifty simultaneous submissions with one code leave one ballot
(the mark is unique in the database, and a second vote replaces the first under its lock)."""

from participation.wijkbudget.factories import ProposalFactory, RoundFactory
from participation.wijkbudget.models import Ballot, BallotChoice, HasVoted
from participation.wijkbudget.services import ballot_cast, vote_code_find, vote_codes_generate
from tests.common.at_once import at_once, race_test

THREADS = 50


@race_test
def test_fifty_simultaneous_ballots_with_one_code_leave_one(coordinator):
    round = RoundFactory()
    plans = [ProposalFactory(round=round, estimated_cost_cents=100_000) for _ in range(5)]
    [text] = vote_codes_generate(round=round, count=1, actor=coordinator)
    code = vote_code_find(round=round, text=text)

    def vote(i: int):
        return lambda: ballot_cast(round=round, selection={plans[i % 5].pk: 1}, code=code)

    results = at_once(*(vote(i) for i in range(THREADS)))
    assert [repr(r) for r in results if isinstance(r, Exception)] == []
    assert Ballot.objects.count() == 1
    assert BallotChoice.objects.count() == 1
    mark = HasVoted.objects.get()
    assert mark.times == THREADS
