import pytest
from pytest_factoryboy import register

from participation.wijkbudget.factories import ProposalFactory, RoundFactory, ago

register(RoundFactory, "budget_round")
register(ProposalFactory)


@pytest.fixture
def voting_round(moerwijk, proposal_factory):
    """€ 10.000 with three plans: A € 6.000, B € 3.000, C € 2.000 (A+B+C is over budget)."""
    round = RoundFactory(wijken=[moerwijk], slug="moerwijk")
    plans = [
        proposal_factory(round=round, title="Speeltuin", estimated_cost_cents=600_000),
        proposal_factory(round=round, title="Bankjes", estimated_cost_cents=300_000),
        proposal_factory(round=round, title="Moestuin", estimated_cost_cents=200_000),
    ]
    round.plans = plans
    return round


@pytest.fixture
def ideas_round(moerwijk):
    return RoundFactory(
        wijken=[moerwijk],
        slug="ideeen",
        review_starts_at=ago(-10),
        voting_starts_at=ago(-20),
        voting_ends_at=ago(-30),
    )


@pytest.fixture
def review_round(moerwijk):
    return RoundFactory(
        wijken=[moerwijk], slug="toets", voting_starts_at=ago(-20), voting_ends_at=ago(-30)
    )
