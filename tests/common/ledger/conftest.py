import datetime as dt

import pytest
from django.utils import timezone
from pytest_factoryboy import register

from meldingen.factories import CategoryFactory, MeldingFactory, SensitiveCategoryFactory

register(CategoryFactory)
register(SensitiveCategoryFactory, "sensitive_category")
register(MeldingFactory)


@pytest.fixture
def closed_melding(melding_factory, wijken):
    """A report handled within its deadline, with a text a handler approved for the public."""

    def make(wijk=None, *, late=False, status="afgehandeld", **kwargs):
        created = timezone.now() - dt.timedelta(days=20)
        deadline = created + dt.timedelta(days=7)
        closed = deadline + (dt.timedelta(days=3) if late else -dt.timedelta(days=2))
        return melding_factory(
            wijk=wijk or wijken["moerwijk"],
            status=status,
            created_at=created,
            deadline=deadline,
            closed_at=closed,
            public_description="Vuilniszakken naast de container aan de Erasmusweg.",
            **kwargs,
        )

    return make
