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
