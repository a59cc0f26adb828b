import datetime as dt

import pytest
from django.utils import timezone
from pytest_factoryboy import register

from participation.inspraak.factories import (
    PhaseFactory,
    ProcessFactory,
    PublishedProcessFactory,
)

register(ProcessFactory)
register(PublishedProcessFactory, "published_process")
register(PhaseFactory)


@pytest.fixture
def open_process(published_process_factory, wijken):
    return published_process_factory(
        title="Het Zuiderpark opnieuw ingericht", slug="zuiderpark", wijken=[wijken["moerwijk"]]
    )


@pytest.fixture
def overdue_process(published_process_factory, wijken):
    today = timezone.localdate()
    return published_process_factory(
        title="Speelplek Bouwlust",
        slug="speelplek-bouwlust",
        starts_on=today - dt.timedelta(days=60),
        ends_on=today - dt.timedelta(days=30),
        followup_due=today - dt.timedelta(days=2),
        wijken=[wijken["bouwlust"]],
    )
