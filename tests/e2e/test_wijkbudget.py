"""A wijkbudget round from start to result, in a real browser with axe on every page: staff open
a round, residents propose, staff judge feasibility (one proposer is told why not), a resident
votes with a code (first over budget and refused with an explanation, then valid with a
receipt), voting closes, the MES result is published with explanations, and the resident finds
their ballot by the receipt id."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import Visitor, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def propose(visitor: Visitor, slug: str, title: str, cost: str) -> None:
    page = visitor.page
    visitor.goto(f"/wijkbudget/{slug}/")
    visitor.follow(page.get_by_role("link", name="Dien uw idee in"))
    page.get_by_label("Naam van uw plan").fill(title)
    page.get_by_label("Wat wilt u doen").fill(f"{title}: goed voor jong en oud in de wijk.")
    page.get_by_label("Wat kost het ongeveer?").fill(cost)
    page.get_by_label("Waar?").fill("Moerwijkplein")
    visitor.follow(page.get_by_role("button", name="Idee indienen"))
    assert page.get_by_text("Dank u wel! Uw idee is ingediend").is_visible()


def confirm(staff, staff_visitor: Visitor, button) -> None:
    """Tick 'I am sure' on a confirmation page and press its button."""
    staff.get_by_label(re.compile("Ik weet het zeker")).check()
    staff_visitor.follow(staff.get_by_role("button", name=button))


def test_a_round_from_ideas_to_results(
    visitor, staff_visitor, live_server, wijken, mail_folder, resident_factory, coordinator
):
    from common.models import Notification
    from participation.wijkbudget.models import Ballot, Proposal, Round
    from participation.wijkbudget.services import ballot_cast, proposal_submit, vote_codes_generate

    amina = resident_factory(email="amina@example.org")
    bram = resident_factory(email="bram@example.org")
    staff = staff_visitor.page
    page = visitor.page

    # Staff open the round in the admin: ideas from yesterday on.
    log_in(staff_visitor, coordinator, forget_cookies=True)
    staff_visitor.goto("/beheer/wijkbudget-rondes/new/")
    staff.locator("#id_title").fill("Wijkbudget Moerwijk 2027")
    staff.locator("#id_slug").fill("moerwijk-2027")
    staff.locator("#id_wijken").select_option(label="Moerwijk")
    staff.locator("#id_budget").fill("10.000")
    yesterday = timezone.localtime() - timedelta(days=1)
    staff.locator("#id_ideas_open_at").fill(yesterday.strftime("%Y-%m-%d %H:%M"))
    staff.locator("#id_outcome_rule").select_option("mes-cost")
    staff_visitor.follow(staff.locator("form button[type=submit].button-longrunning").first)
    round = Round.objects.get(slug="moerwijk-2027")
    assert round.phase() == "ideeen" and round.budget_cents == 1_000_000

    # Residents propose: two in the browser, two more straight through the service.
    log_in(visitor, amina, forget_cookies=True)
    propose(visitor, round.slug, "Speeltuin", "6.000")
    log_in(visitor, bram, forget_cookies=True)
    propose(visitor, round.slug, "Skatebaan op het dak", "9.500")
    for title, cents in [("Bankjes", 300_000), ("Moestuin", 200_000)]:
        proposal_submit(
            round=round,
            proposer=amina,
            title=title,
            description="Voor de buurt.",
            estimated_cost_cents=cents,
        )

    # Staff start the review and judge every proposal.
    staff_visitor.goto("/beheer/wijkbudget/")
    staff_visitor.follow(staff.get_by_role("link", name="Wijkbudget Moerwijk 2027"))
    # Each step that cannot be undone has a page of its own with a checkbox.
    staff_visitor.follow(
        staff.get_by_role("link", name=re.compile("Nu beginnen: De gemeente kijkt"))
    )
    confirm(staff, staff_visitor, re.compile("Nu beginnen: De gemeente kijkt"))
    by_title = {p.title: p for p in Proposal.objects.all()}
    for title, euros in [("Speeltuin", "6000"), ("Bankjes", "3000"), ("Moestuin", "2000")]:
        pk = by_title[title].pk
        staff.locator(f"#final-{pk}").fill(euros)
        staff_visitor.follow(staff.locator(f"form[action$='/voorstel/{pk}/haalbaar/'] button"))
    skate = by_title["Skatebaan op het dak"]
    staff.locator(f"#reason-{skate.pk}").fill(
        "Het dak van de bibliotheek kan dit gewicht niet dragen."
    )
    staff_visitor.follow(
        staff.locator(f"form[action$='/voorstel/{skate.pk}/niet-haalbaar/'] button")
    )
    # Bram is told why not, by email, and on the page of his idea.
    assert Notification.objects.filter(user=bram, event="wijkbudget_niet_haalbaar").exists()
    assert any("gewicht niet dragen" in f.read_text() for f in mail_folder.glob("*.eml"))
    visitor.goto(f"/wijkbudget/{round.slug}/plannen/{skate.pk}/")
    assert page.get_by_text(
        "Het dak van de bibliotheek kan dit gewicht niet dragen."
    ).first.is_visible()

    # Voting starts; letters with codes are a PDF download.
    staff_visitor.follow(staff.get_by_role("link", name=re.compile("Nu beginnen: Stemmen")))
    confirm(staff, staff_visitor, re.compile("Nu beginnen: Stemmen"))
    staff.locator("#count").fill("3")
    with staff.expect_download() as download:
        staff.get_by_role("button", name=re.compile("brieven downloaden")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    [code] = vote_codes_generate(round=round, count=1, actor=coordinator)
    speeltuin, bankjes, moestuin = (by_title[t] for t in ("Speeltuin", "Bankjes", "Moestuin"))
    for selection in [{speeltuin.pk: 1}] * 3 + [{bankjes.pk: 1, moestuin.pk: 1}] * 3:
        ballot_cast(round=round, selection=selection, user=resident_factory())

    # A resident votes with the code from the letter, without an account.
    page.context.clear_cookies()
    visitor.goto(f"/wijkbudget/{round.slug}/")
    visitor.follow(page.get_by_role("link", name="Stem nu"))
    page.get_by_label("Uw stemcode").fill(code)
    visitor.follow(page.get_by_role("button", name="Naar de lijst met plannen"))
    for title in ("Speeltuin", "Bankjes", "Moestuin"):
        page.get_by_label(f"Ik kies {title}").check()
    visitor.follow(page.get_by_role("button", name="Verder: mijn keuze controleren"))
    refusal = page.get_by_role("alert")
    assert "€ 11.000,00" in refusal.inner_text() and "meer dan het budget" in refusal.inner_text()
    assert not Ballot.objects.filter(source="online").count() > 6
    page.get_by_label("Ik kies Moestuin").uncheck()
    visitor.follow(page.get_by_role("button", name="Verder: mijn keuze controleren"))
    assert page.get_by_role("heading", name="Controleer uw stem").is_visible()
    visitor.follow(page.get_by_role("button", name="Ja, stem uitbrengen"))
    receipt = page.locator("[data-receipt]").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}", receipt)
    assert Ballot.objects.count() == 7

    # Voting closes; the MES result is published with explanations.
    staff_visitor.goto(f"/beheer/wijkbudget/{round.pk}/")
    staff_visitor.follow(staff.get_by_role("link", name="Stemmen sluiten en uitslag publiceren"))
    assert staff.get_by_text("Er zijn 7 stembiljetten: 7 online en 0 op papier.").is_visible()
    confirm(staff, staff_visitor, "Stemmen sluiten en uitslag publiceren")
    visitor.goto(f"/wijkbudget/{round.slug}/")
    visitor.follow(page.get_by_role("link", name="Bekijk de uitslag"))
    html = page.content()
    assert "Methode van Gelijke Delen" in html and html.count("Waarom:") == 3
    assert "gelijk deel" in html

    # The resident finds their ballot by its receipt id.
    visitor.follow(page.get_by_role("link", name="Bekijk alle stemmen, zonder namen"))
    page.get_by_label("Uw bewijsnummer").fill(receipt)
    visitor.follow(page.get_by_role("button", name="Zoeken"))
    found = page.locator("[data-found]").inner_text()
    assert "Gevonden" in found and "Speeltuin" in found and "Bankjes" in found
    assert len(visitor.checked) >= 12 and len(staff_visitor.checked) >= 8
