"""Issue 12, item 7: a desk employee of the participatiewinkel enters a report by phone for a
Turkish-speaking resident and prints the receipt with the follow link's QR code; an initiative
for a Bulgarian-speaking resident, who puts it in their account with the receipt's link. axe
runs on the desk forms, the receipts and the resident's pages."""

import pytest
from django.core import mail

from meldingen.models import Melding

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _orm_between_browser_steps(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()


def test_a_desk_employee_enters_a_phone_report_for_a_turkish_resident(
    staff_visitor, desk_employee_factory, reference_data
):
    employee = desk_employee_factory(email="balie@zuidwest.example", display_name="Samira")
    log_in(staff_visitor, employee)
    page = staff_visitor.page

    staff_visitor.goto("/beheer/balie/")
    staff_visitor.follow(page.get_by_role("link", name="Melding", exact=True))
    page.get_by_label("Aan de telefoon").check()
    page.get_by_label("Taal van de inwoner").select_option("tr")
    page.get_by_label("Wat meldt de inwoner?").select_option(
        label="Straat en verlichting › Lantaarnpaal of straatlicht kapot"
    )
    page.get_by_label("Wat is er aan de hand?").fill("De lamp bij de speeltuin is kapot.")
    page.get_by_label("Postcode").fill("2532 AB")
    page.get_by_label("Huisnummer (in de buurt)").fill("12")
    page.get_by_label("E-mailadres van de inwoner").fill("ayse@example.org")

    # Without consent nothing is saved, and what was typed stays.
    staff_visitor.follow(page.get_by_role("button", name="Melding opslaan en bon maken"))
    assert page.get_by_text("Vraag de inwoner om toestemming").first.is_visible()
    assert page.get_by_label("Wat is er aan de hand?").input_value() == (
        "De lamp bij de speeltuin is kapot."
    )
    assert not Melding.objects.exists()

    page.get_by_label("De inwoner geeft toestemming").check()
    staff_visitor.follow(page.get_by_role("button", name="Melding opslaan en bon maken"))

    melding = Melding.objects.get()
    assert melding.channel == "telefoon" and melding.language == "tr"
    assert staff_visitor.lang() == "tr"
    assert page.get_by_text(melding.reference).first.is_visible()
    qr = page.locator("svg.zw-qr")
    assert qr.is_visible() and qr.locator("path").count() == 1
    link = page.locator(".zw-receipt-link").inner_text()
    assert f"/tr/melden/volg/{melding.reference}/" in link
    assert any(link.rsplit("/", 2)[-2] in message.body for message in mail.outbox)

    # Printed, the desk's own links are left off.
    page.emulate_media(media="print")
    assert not page.locator(".zw-receipt-tools").is_visible()
    assert qr.is_visible()


def test_a_desk_initiative_for_a_bulgarian_resident_reaches_their_account(
    staff_visitor, visitor, desk_employee_factory, resident_factory, moerwijk
):
    from initiatives.models import Initiative

    employee = desk_employee_factory(email="balie2@zuidwest.example", display_name="Samira")
    log_in(staff_visitor, employee)
    page = staff_visitor.page

    staff_visitor.goto("/beheer/balie/")
    staff_visitor.follow(page.get_by_role("link", name="Initiatief", exact=True))
    page.get_by_label("Aan de balie").check()
    page.get_by_label("Taal van de inwoner").select_option("bg")
    page.get_by_label("Hoe heet het initiatief?").fill("Buurtfeest op het plein")
    page.get_by_label("Wat wil de inwoner doen, en waarom?").fill(
        "Een feest om de buren te leren kennen."
    )
    page.get_by_label("Voor wie is het?").fill("Alle buren")
    page.get_by_label("Ontmoeting").check()
    page.get_by_label(moerwijk.name, exact=True).check()
    page.get_by_label("Wanneer?").fill("Zaterdag 12 juni")
    page.get_by_label("Vrijwilligers").check()
    page.get_by_label("Telefoonnummer van de inwoner").fill("06 98765432")
    page.get_by_label("De inwoner geeft toestemming").check()
    staff_visitor.follow(page.get_by_role("button", name="Initiatief opslaan en bon maken"))

    initiative = Initiative.objects.get()
    assert (initiative.channel, initiative.language) == ("balie", "bg")
    assert staff_visitor.lang() == "bg"
    assert page.get_by_text(initiative.reference).first.is_visible()
    assert page.locator("svg.zw-qr").is_visible()
    link = page.locator(".zw-receipt-link").inner_text()
    assert "/bg/initiatieven/uitnodiging/" in link

    # At home the resident opens the link, logs in and finds the plan in their account.
    resident = resident_factory(email="ivana@example.org")
    log_in(visitor, resident)
    visitor.goto(link[link.index("/bg/") :])
    assert visitor.lang() == "bg"
    visitor.follow(visitor.page.get_by_role("button", name="Добави я в профила ми"))
    initiative.refresh_from_db()
    assert initiative.initiator == resident
    assert visitor.page.get_by_role("heading", name="Buurtfeest op het plein").first.is_visible()
