"""The programme's measures: on the theme pages with their status and progress, the top ten
on the programme page, kept up to date by editors only."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from shop.models import ThemePage
from shop.programme.models import Measure, MeasureLink, MeasureStatus, MeasureUpdate

pytestmark = pytest.mark.django_db


def test_the_programme_shows_the_top_ten_in_order_in_both_languages(client, page_tree):
    html = client.get("/programma/").content.decode()
    assert "De tien maatregelen met de meeste impact" in html
    top10 = list(Measure.objects.filter(locale__language_code="nl", top10_rank__isnull=False))
    assert sorted(m.top10_rank for m in top10) == list(range(1, 11))
    positions = [html.index(m.text[:40]) for m in sorted(top10, key=lambda m: m.top10_rank)]
    assert positions == sorted(positions)

    english = client.get("/en/programma/").content.decode()
    first = Measure.objects.get(locale__language_code="en", top10_rank=1)
    assert escape(first.text) in english and "learning in the neighbourhood" in first.text


def test_a_theme_page_lists_its_measures_with_status_progress_and_links(client, page_tree):
    theme = ThemePage.objects.get(slug="thuis-en-gekend", locale__language_code="nl")
    measure = Measure.objects.filter(theme=theme, top10_rank__isnull=True).first()
    measure.status = MeasureStatus.BEZIG
    measure.save()
    MeasureUpdate.objects.create(
        measure=measure, date=dt.date(2026, 10, 1), text="De eerste winkel is open in Moerwijk."
    )
    MeasureLink.objects.create(
        measure=measure, kind=MeasureLink.Kind.INITIATIEF, title="Buurtkeuken", url="/initiatieven/"
    )
    html = client.get(theme.url).content.decode()
    assert measure.text in html
    assert "We zijn bezig" in html
    assert "De eerste winkel is open in Moerwijk." in html
    assert 'href="/initiatieven/"' in html and "Buurtkeuken" in html
    # A measure taken offline (a draft not published) is not shown.
    Measure.objects.filter(pk=measure.pk).update(live=False)
    assert measure.text not in client.get(theme.url).content.decode()


def test_theme_page_queries_do_not_grow_with_measures(client, page_tree):
    theme = ThemePage.objects.get(slug="veilig-en-schoon", locale__language_code="nl")
    client.get(theme.url)  # warm caches (site root, locales)

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(theme.url).status_code == 200
        return len(captured)

    before = count()
    for i in range(20):
        extra = Measure.objects.create(
            locale=theme.locale, theme=theme, title=f"Extra {i}", text=f"Extra maatregel {i}"
        )
        MeasureUpdate.objects.create(measure=extra, date=dt.date(2026, 11, 1), text="Begonnen.")
        MeasureLink.objects.create(measure=extra, title="Meer", url="https://example.org/")
    assert count() == before


def test_a_link_must_be_a_web_address_or_a_page_here():
    link = MeasureLink(title="x", url="javascript:alert(1)", measure_id=1)
    with pytest.raises(ValidationError, match="Begin met /"):
        link.full_clean(exclude=["measure"])
    for good in ["/inspraak/3/", "https://www.denhaag.nl/"]:
        MeasureLink(title="x", url=good).full_clean(exclude=["measure"])


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("redacteur", True), ("coordinator", True), ("behandelaar", False), ("bewoner", False)],
)
def test_only_editors_and_coordinators_keep_measures(client, user_factory, role, allowed):
    client.force_login(user_factory(role=role))
    response = client.get(reverse("wagtailsnippets_shop_measure:add"))
    if allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)
