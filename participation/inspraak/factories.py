"""Factories for processes; the tests and demo data share them."""

import datetime as dt

import factory
from django.utils import timezone

from common.factories import AfdelingFactory
from common.ladder import Influence

from .models import Phase, Process, Status


class ProcessFactory(factory.django.DjangoModelFactory):
    """A concept running from today for four weeks, follow-up promised four weeks later.
    `ProcessFactory(wijken=[moerwijk])` sets the wijken."""

    class Meta:
        model = Process
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Een nieuw plein voor de buurt {n}")
    slug = factory.Sequence(lambda n: f"plein-{n}")
    summary = "Het plein wordt opnieuw ingericht. Wat vindt u belangrijk?"
    question = "Wat wilt u op het plein kunnen doen?"
    afdeling = factory.SubFactory(AfdelingFactory)
    audience = factory.LazyFunction(lambda: ["iedereen"])
    influence = Influence.ADVISEREN
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=28))
    followup_due = factory.LazyAttribute(lambda o: o.ends_on + dt.timedelta(days=28))
    status = Status.CONCEPT

    @factory.post_generation
    def wijken(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.wijken.set(extracted)


class PublishedProcessFactory(ProcessFactory):
    status = Status.GEPUBLICEERD
    published_at = factory.LazyFunction(timezone.now)


class PhaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phase

    process = factory.SubFactory(ProcessFactory)
    title = "Ideeën ophalen"
    starts_on = factory.LazyAttribute(lambda o: o.process.starts_on)
    ends_on = factory.LazyAttribute(lambda o: o.process.ends_on)
