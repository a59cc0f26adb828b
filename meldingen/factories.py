"""Factories for reports; the tests and demo data share them."""

import factory
from django.utils import timezone

from common.factories import AfdelingFactory
from common.feedback.secrets import hash_secret
from common.workdays import add_working_days

from .models import Category, Melding, StatusChange
from .workflow import Actor, Status

TEST_SECRET = "geheim-volg-link"  # noqa: S105 – a fixture value, not a credential


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    keywords = "test"
    handling_days = 5
    handling_message = "We komen binnen 5 werkdagen kijken."
    default_afdeling = factory.SubFactory(AfdelingFactory)
    is_public = True
    is_sensitive = False


class SensitiveCategoryFactory(CategoryFactory):
    name = factory.Sequence(lambda n: f"Ondermijning {n}")
    slug = factory.Sequence(lambda n: f"ondermijning-{n}")
    is_public = False
    is_sensitive = True


class MeldingFactory(factory.django.DjangoModelFactory):
    """A report as intake leaves it: with its first history row. Its follow-link secret is
    TEST_SECRET."""

    class Meta:
        model = Melding
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"ZW-2026-{n + 90000:05d}")
    secret_hash = hash_secret(TEST_SECRET)
    category = factory.SubFactory(CategoryFactory)
    is_sensitive = factory.LazyAttribute(lambda o: o.category.is_sensitive)
    afdeling = factory.LazyAttribute(lambda o: o.category.default_afdeling)
    description = "Er staan al dagen vuilniszakken naast de container."
    lat = 52.0465
    lon = 4.2826
    postcode = "2532AB"
    reporter_email = factory.Sequence(lambda n: f"melder{n}@example.org")
    created_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(
        lambda o: add_working_days(o.created_at, o.category.handling_days)
    )

    @factory.post_generation
    def first_history(self, create, extracted, **kwargs):
        if create:
            StatusChange.objects.create(
                melding=self,
                to_status=Status.GEMELD,
                actor_kind=Actor.REPORTER,
                public_message=self.category.handling_message,
                created_at=self.created_at,
            )
