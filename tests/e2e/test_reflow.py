"""Issue 12: every language fits a phone. Polish and Bulgarian words run longer than Dutch and
Arabic runs right to left; at 360 px no public overview page may scroll sideways in any of the
six languages (WCAG 1.4.10, reflow). Pages with data: a wijk with reports of several kinds in
several months, the ledger's counts, the initiatives and the agenda."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/",
    "/melden/",
    "/meldingen/",
    "/meldingen/wijk/moerwijk/",
    "/terugkoppeling/",
    "/terugkoppeling/moerwijk/",
    "/initiatieven/",
    "/agenda/",
    "/wijkbudget/",
    "/accounts/login/",
]


@pytest.fixture
def content(wijken):
    from common.feedback import ledger
    from common.loaders import load_afdelingen
    from demo.pages import load_page_tree
    from meldingen.factories import MeldingFactory
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    load_afdelingen()
    load_categories()
    load_page_tree()
    now = timezone.now()
    kinds = list(Category.objects.filter(parent__isnull=False, is_sensitive=False)[:4])
    for months, category in enumerate(kinds * 2):
        MeldingFactory(
            category=category,
            wijk=wijken["moerwijk"],
            created_at=now - dt.timedelta(days=31 * months),
        )
    ledger.rebuild(full=True)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_no_page_scrolls_sideways_at_360_px(visitor, content, language):
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    page = visitor.page
    wide = []
    for path in PAGES:
        response = page.goto(visitor.base_url + prefix + path)
        assert response.status < 400, (path, response.status)
        assert page.locator("html").get_attribute("lang") == language
        sizes = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if sizes[0] > sizes[1]:
            wide.append((prefix + path, sizes))
    assert not wide, f"scrolls sideways at 360 px: {wide}"
