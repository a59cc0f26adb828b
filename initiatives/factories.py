"""factory_boy factories for initiatives; the tests (and a demo seed) use them."""

import factory
from django.utils import timezone

from accounts.factories import BrokerFactory, ResidentFactory
from common.factories import WijkFactory

from .models import BrokerWijk, BudgetLine, Fund, Initiative, Theme
from .workflow import Status


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A draft with every field filled in: ready to submit."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    initiator = factory.SubFactory(ResidentFactory)
    title = factory.Sequence(lambda n: f"Buurtmoestuin {n}")
    what_why = "Een moestuin op het braakliggende veldje, zodat buren elkaar ontmoeten."
    for_whom = "Alle buren, en de kinderen van de school om de hoek."
    theme = Theme.GROEN
    wijk = factory.SubFactory(WijkFactory)
    place = "Het veldje achter de Erasmusweg"
    when_text = "Vanaf het voorjaar, elke zaterdag"
    help_needed = factory.LazyFunction(lambda: ["geld", "vrijwilligers"])
    status = Status.CONCEPT
    draft_step = 5

    @factory.post_generation
    def lines(obj, create, extracted, **kwargs):
        """`InitiativeFactory(lines=[("Zaden", 4500)])`; by default two lines (€ 650)."""
        if not create:
            return
        rows = (
            extracted
            if extracted is not None
            else [("Zaden en plantjes", 15000), ("Gereedschap", 50000)]
        )
        for position, (description, cents) in enumerate(rows):
            BudgetLine.objects.create(
                initiative=obj, description=description, amount_cents=cents, position=position
            )


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund
        django_get_or_create = ("wijk", "year")

    wijk = factory.SubFactory(WijkFactory)
    year = factory.LazyFunction(lambda: timezone.localtime().year)
    total_cents = 1_000_000


class BrokerWijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BrokerWijk
        django_get_or_create = ("broker", "wijk")

    broker = factory.SubFactory(BrokerFactory)
    wijk = factory.SubFactory(WijkFactory)
