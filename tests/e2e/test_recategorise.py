"""Issue 14, item 6.2: a handler moves a misrouted report to another category; in a real browser
against the ASGI application, it appears live in the other department's open queue."""

import pytest

from tests.e2e.conftest import session_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()


def test_a_misrouted_report_moves_to_the_other_departments_queue(
    live_visitors, reference_data, user_factory
):
    from common.models import Afdeling
    from meldingen.models import Category, Melding
    from meldingen.services import Intake, melding_create

    openbare_ruimte = Afdeling.objects.get(slug="stadsbeheer-openbare-ruimte")
    schoon = Afdeling.objects.get(slug="stadsbeheer-schoon")
    melding, _secret = melding_create(
        intake=Intake(
            category=Category.objects.get(slug="lantaarnpaal"),
            description="Er ligt een oude bank op de stoep bij de lantaarnpaal.",
            postcode="2532AB",
            email="melder@example.org",
        ),
        photos=[],
    )
    assert melding.afdeling == openbare_ruimte
    handler_a = live_visitors(
        1280, session_for(user_factory(role="behandelaar", afdeling=openbare_ruimte)), strict=False
    )
    handler_b = live_visitors(
        1280, session_for(user_factory(role="behandelaar", afdeling=schoon)), strict=False
    )

    handler_b.goto("/beheer/meldingen/")
    handler_b.page.locator("#meldingen-queue[data-live=on]").wait_for(state="attached")
    assert not handler_b.page.locator(f"tr[data-reference='{melding.reference}']").count()

    handler_a.goto(f"/beheer/meldingen/{melding.reference}/")
    grofvuil = Category.objects.get(slug="grofvuil")
    option = handler_a.page.locator(f"select[name=reroute-category] option[value='{grofvuil.pk}']")
    assert "→ Stadsbeheer – Schoon" in option.inner_text()
    handler_a.page.select_option("select[name=reroute-category]", str(grofvuil.pk))
    handler_a.page.fill("textarea[name=reroute-internal_note]", "Dit is grofvuil.")
    handler_a.follow(handler_a.page.get_by_role("button", name="Verplaatsen"))

    # A is back in their own queue, told where it went; the report is not in it.
    assert handler_a.page.url.endswith("/beheer/meldingen/")
    assert handler_a.page.get_by_text(
        f"{melding.reference} staat nu bij Stadsbeheer – Schoon"
    ).is_visible()
    assert not handler_a.page.locator(f"tr[data-reference='{melding.reference}']").count()

    # B's open queue shows it without a reload, and its page has the note.
    handler_b.page.locator(f"tr[data-reference='{melding.reference}']").wait_for()
    handler_b.goto(f"/beheer/meldingen/{melding.reference}/")
    assert handler_b.page.get_by_text("Dit is grofvuil.").is_visible()
    assert Melding.objects.get(pk=melding.pk).afdeling == schoon
