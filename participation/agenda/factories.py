"""factory_boy factories for the agenda (tests, benchmarks and demo)."""

import datetime as dt

import factory
from django.utils import timezone

from common.factories import WijkFactory

from .models import Activity, ActivityType


def in_days(days: int, hour: int = 14) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    type = ActivityType.WORKSHOP
    title = factory.Sequence(lambda n: f"Workshop buurtmoestuin {n}")
    description = "We leggen samen een moestuin aan. Neem handschoenen mee."
    wijk = factory.SubFactory(WijkFactory)
    place = "Buurthuis De Henneb"
    address = "Hengelolaan 1"
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    capacity = 10
    organiser = "Participatiewinkel Zuidwest"
    is_published = True
