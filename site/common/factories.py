"""factory_boy factories for shared reference data; the tests and `seed_demo` both use them."""

import factory

from .models import Afdeling, Wijk


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testwijk {n}")
    slug = factory.Sequence(lambda n: f"testwijk-{n}")
    postcode_ranges = factory.Sequence(lambda n: [f"{9000 + n}"])
    boundary = None


class AfdelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Afdeling {n}")
    slug = factory.Sequence(lambda n: f"afdeling-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.slug}@zuidwest.example")
