"""Factories for budget rounds and proposals (tests and demo data)."""

from datetime import timedelta

import factory
from django.utils import timezone

from .models import Proposal, Round
from .workflow import Feasibility


def ago(days: float):
    return timezone.now() - timedelta(days=days)


class RoundFactory(factory.django.DjangoModelFactory):
    """A round in its voting phase, € 10.000, knapsack ballots counted with MES."""

    class Meta:
        model = Round
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Wijkbudget ronde {n}")
    slug = factory.Sequence(lambda n: f"ronde-{n}")
    budget_cents = 1_000_000
    ideas_open_at = factory.LazyFunction(lambda: ago(30))
    review_starts_at = factory.LazyFunction(lambda: ago(20))
    voting_starts_at = factory.LazyFunction(lambda: ago(1))
    voting_ends_at = factory.LazyFunction(lambda: ago(-14))
    min_projects = 1

    @factory.post_generation
    def wijken(self, create, extracted, **kwargs):
        if create and extracted:
            self.wijken.set(extracted)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A feasible proposal: on the ballot."""

    class Meta:
        model = Proposal

    round = factory.SubFactory(RoundFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")
    description = "Meer groen en bankjes op het plein."
    estimated_cost_cents = 300_000
    final_cost_cents = factory.SelfAttribute("estimated_cost_cents")
    status = Feasibility.HAALBAAR
