import pytest
from pytest_factoryboy import register

from meldingen.factories import CategoryFactory, MeldingFactory, SensitiveCategoryFactory

register(CategoryFactory)
register(SensitiveCategoryFactory, "sensitive_category")
register(MeldingFactory)


@pytest.fixture
def categories(db, wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    from meldingen.models import Category

    return {c.slug: c for c in Category.objects.all()}


# Two departments and a handler of the first: the back office's and the triage's tests share them.
@pytest.fixture
def afdeling_a(afdeling_factory):
    return afdeling_factory(name="Afdeling A")


@pytest.fixture
def afdeling_b(afdeling_factory):
    return afdeling_factory(name="Afdeling B")


@pytest.fixture
def category_a(category_factory, afdeling_a):
    return category_factory(default_afdeling=afdeling_a)


@pytest.fixture
def handler_a(handler_factory, afdeling_a):
    return handler_factory(afdeling=afdeling_a)
