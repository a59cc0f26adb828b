"""Participation processes in a real browser, axe on every page: a coordinator plans a process in
the back office that clashes with one already running and is warned before it can go online;
a process passes its promised follow-up date and shows as overdue on /terugkoppeling/ until
the report is published."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_coordinator_plans_a_clashing_process_and_is_warned(
    visitor, staff_visitor, live_server, wijken, coordinator_factory, afdeling_factory
):
    from participation.inspraak.factories import PublishedProcessFactory
    from participation.inspraak.models import Process

    today = timezone.localdate()
    running = PublishedProcessFactory(
        title="Enquête over afval in Moerwijk",
        slug="afval-moerwijk",
        wijken=[wijken["moerwijk"]],
        audience=["iedereen"],
        afdeling=afdeling_factory(name="Stadsbeheer"),
    )
    afdeling_factory(name="Stedelijke Ontwikkeling", slug="so")
    coordinator = coordinator_factory(email="coordinator@zuidwest.example")
    log_in(staff_visitor, coordinator)
    admin = staff_visitor.page

    staff_visitor.goto("/beheer/inspraak/new/")
    admin.locator("#id_title").fill("Een nieuw plein aan de Dreven")
    admin.locator("#id_summary").fill("Het plein wordt opnieuw ingericht.")
    admin.locator("#id_wijken").get_by_label("Moerwijk").check()
    admin.locator("#id_audience").get_by_label("Jongeren").check()
    admin.locator("#id_afdeling").select_option(label="Stedelijke Ontwikkeling")
    admin.locator("#id_influence").select_option("adviseren")
    admin.locator("#id_starts_on").fill(today.isoformat())
    admin.locator("#id_ends_on").fill((today + dt.timedelta(days=21)).isoformat())
    admin.locator("#id_followup_due").fill((today + dt.timedelta(days=60)).isoformat())
    staff_visitor.follow(admin.get_by_role("button", name="Toevoegen"))
    planned = Process.objects.get(title="Een nieuw plein aan de Dreven")
    assert not planned.is_published

    staff_visitor.goto("/beheer/inspraak/")
    staff_visitor.follow(admin.get_by_role("link", name="Publiceren…"))
    warning = admin.locator("#clashes-title")
    assert "Let op" in warning.inner_text()
    assert admin.get_by_text(running.title).is_visible()
    staff_visitor.follow(admin.get_by_role("button", name="Publiceren"))
    assert admin.get_by_text("Bekijk ze en bevestig").is_visible()
    assert not Process.objects.get(pk=planned.pk).is_published
    admin.get_by_label("Ik heb de botsingen gezien").check()
    staff_visitor.follow(admin.get_by_role("button", name="Publiceren"))
    assert Process.objects.get(pk=planned.pk).is_published

    # Residents see both on the calendar of Moerwijk and can react without an account.
    page = visitor.page
    visitor.goto("/inspraak/kalender/?wijk=moerwijk")
    assert page.get_by_role("link", name="Een nieuw plein aan de Dreven").is_visible()
    assert page.get_by_role("link", name=running.title).is_visible()
    visitor.follow(page.get_by_role("link", name="Een nieuw plein aan de Dreven"))
    assert page.get_by_text("Uw invloed: Adviseren").is_visible()
    page.get_by_role("textbox", name="Uw reactie").fill("Een trapveldje voor de jongeren graag.")
    page.get_by_label("Uw e-mailadres").fill("buur@example.org")
    visitor.follow(page.get_by_role("button", name="Reactie versturen"))
    assert page.get_by_text("Bedankt voor uw reactie.").is_visible()
    visitor.goto("/inspraak/")
    assert len(visitor.checked) == 4 and len(staff_visitor.checked) >= 5


def test_an_overdue_process_shows_on_the_ledger_until_its_report_is_out(
    visitor, staff_visitor, live_server, wijken, coordinator_factory, mail_folder
):
    from participation.inspraak.factories import PublishedProcessFactory
    from participation.inspraak.models import Contribution

    today = timezone.localdate()
    process = PublishedProcessFactory(
        title="Speelplek aan de Lorentzplein",
        slug="speelplek",
        wijken=[wijken["bouwlust"]],
        starts_on=today - dt.timedelta(days=40),
        ends_on=today - dt.timedelta(days=1),
        followup_due=today + dt.timedelta(days=10),
    )
    # A reaction given while it was open, whose address was confirmed.
    Contribution.objects.create(
        process=process,
        text="Een schommel",
        email="ouder@example.org",
        email_confirmed_at=timezone.now(),
    )
    # A handled report in the same wijk, made by a factory (no service pushed it), so brought
    # in by the ledger's rebuild: the repair path.
    from common.feedback import ledger
    from meldingen.factories import MeldingFactory

    melding = MeldingFactory(
        wijk=wijken["bouwlust"],
        status="afgehandeld",
        closed_at=timezone.now() - dt.timedelta(days=1),
        public_description="Losliggende stoeptegels bij de bushalte.",
    )
    ledger.rebuild()
    page = visitor.page

    visitor.goto("/terugkoppeling/bouwlust/")
    assert not page.get_by_text("Wacht nog op antwoord").is_visible()
    assert page.get_by_text("Losliggende stoeptegels bij de bushalte.").is_visible()
    assert page.get_by_role(
        "link", name=f"Bekijk wat bewoners zeiden ({melding.reference})"
    ).is_visible()

    # The promised date passes.
    process.followup_due = today - dt.timedelta(days=1)
    process.save()
    visitor.goto("/terugkoppeling/bouwlust/")
    overdue = page.locator(".ledger-overdue")
    assert overdue.get_by_role("link", name="Speelplek aan de Lorentzplein").is_visible()
    assert page.locator(".ledger-counts__late").first.inner_text() == "1"
    visitor.follow(overdue.get_by_role("link", name="Speelplek aan de Lorentzplein"))
    assert page.get_by_text("De terugkoppeling is te laat").is_visible()

    coordinator = coordinator_factory()
    log_in(staff_visitor, coordinator)
    admin = staff_visitor.page
    staff_visitor.goto("/beheer/inspraak/")
    staff_visitor.follow(admin.get_by_role("link", name="Terugkoppeling schrijven"))
    admin.get_by_label("Wat is er met de reacties gedaan?").fill(
        "Er komen een schommel en een zandbak. Ze staan er in het voorjaar."
    )
    staff_visitor.follow(admin.get_by_role("button", name="Terugkoppeling publiceren"))

    visitor.goto("/terugkoppeling/bouwlust/")
    assert not page.get_by_text("Wacht nog op antwoord").is_visible()
    assert page.get_by_text("Er komen een schommel en een zandbak.").is_visible()
    assert page.get_by_text("Later dan beloofd").is_visible()
    visitor.goto("/terugkoppeling/?bron=inspraak")
    visitor.follow(page.get_by_role("link", name="Bekijk wat bewoners zeiden"))
    assert page.get_by_role("heading", name="Wat is er met uw reactie gedaan?").is_visible()
    assert not page.get_by_text("De terugkoppeling is te laat").is_visible()

    from common.models import Notification

    assert Notification.objects.filter(event="process_report", email="ouder@example.org").exists()
