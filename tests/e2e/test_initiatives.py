"""An initiative from idea to conversation, in a real browser with axe on every page: a resident
submits an initiative with budget lines in the guided form, a broker takes it in the workspace
and asks a question, the resident reads it and answers on the web."""

import email
import re
from email import policy

import pytest

from tests.e2e.conftest import Visitor, log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_resident_submits_and_a_broker_answers(
    visitor, staff_visitor, live_server, wijken, resident_factory, broker_factory
):
    from initiatives.models import BrokerWijk, Initiative

    resident = resident_factory(email="amina@example.org", display_name="Amina")
    broker = broker_factory(email="makelaar@zuidwest.example", display_name="Karim")
    BrokerWijk.objects.create(broker=broker, wijk=wijken["moerwijk"])
    page = visitor.page
    log_in(visitor, resident)

    visitor.goto("/initiatieven/")
    visitor.follow(page.get_by_role("link", name="Dien uw idee in"))
    page.get_by_label("Hoe heet uw initiatief?").fill("Moestuin voor de buurt")
    page.get_by_label("Wat wilt u doen, en waarom?").fill("Samen groente kweken op het veldje.")
    page.get_by_label("Voor wie is het?").fill("Alle buren, jong en oud.")
    page.get_by_label("Groen en schoon").check()
    visitor.follow(page.get_by_role("button", name="Opslaan en verder"))

    page.get_by_label("Moerwijk").check()
    page.get_by_label("Waar precies?").fill("Het veldje achter de school")
    page.get_by_label("Wanneer?").fill("Elke zaterdag vanaf april")
    visitor.follow(page.get_by_role("button", name="Opslaan en verder"))

    page.get_by_role("checkbox", name="Geld").check()
    page.get_by_role("checkbox", name="Vrijwilligers").check()
    page.locator("#id_regels-0-description").fill("Zaden en plantjes")
    page.locator("#id_regels-0-amount").fill("150,50")
    page.locator("#id_regels-1-description").fill("Gereedschap")
    page.locator("#id_regels-1-amount").fill("200")
    visitor.follow(page.get_by_role("button", name="Opslaan en verder"))

    visitor.follow(page.get_by_role("button", name="Opslaan en verder"))  # no photos, nobody
    assert "€ 350,50" in page.content()
    page.get_by_label("Mijn initiatief mag op de website").check()
    visitor.follow(page.get_by_role("button", name="Initiatief versturen"))
    assert page.get_by_text("Bedankt! Uw initiatief is verstuurd.").is_visible()
    initiative = Initiative.objects.get()
    assert initiative.status == "ingediend" and initiative.reference in page.content()

    # The broker, in the workspace.
    log_in(staff_visitor, broker)
    workspace = staff_visitor.page
    staff_visitor.goto("/beheer/initiatieven/?wachtrij=nieuw")
    staff_visitor.follow(workspace.get_by_role("link", name=initiative.reference))
    workspace.get_by_label("Eerste bericht aan de initiatiefnemer").fill(
        "Dag Amina, wat een mooi plan. Ik help u graag."
    )
    staff_visitor.follow(workspace.get_by_role("button", name="Oppakken en bericht sturen"))
    workspace.locator("#id_bericht-text").fill("Heeft u al toestemming voor het veldje?")
    staff_visitor.follow(workspace.get_by_role("button", name="Bericht versturen"))
    assert "Heeft u al toestemming voor het veldje?" in workspace.content()

    # The resident reads it on their own page and answers there.
    visitor.goto(f"/initiatieven/mijn/{initiative.pk}/")
    assert page.get_by_text("Heeft u al toestemming voor het veldje?").is_visible()
    assert page.get_by_text("In gesprek met de gemeente").first.is_visible()
    page.get_by_label("Uw bericht").fill("Ja, van de school.")
    visitor.follow(page.get_by_role("button", name="Bericht versturen"))
    assert page.get_by_text("Ja, van de school.").is_visible()
    assert initiative.messages.count() == 2
    assert len(visitor.checked) >= 8 and len(staff_visitor.checked) >= 3


def test_a_resident_books_a_spreekuur_without_an_account_and_cancels_it(
    visitor, live_server, wijken, broker_factory, mail_folder
):
    import datetime as dt

    from django.utils import timezone

    from initiatives.models import Booking
    from initiatives.services import consultation_hour_create

    day = timezone.localdate() + dt.timedelta(days=7)
    tz = timezone.get_current_timezone()
    consultation_hour_create(
        broker=broker_factory(),
        wijk=wijken["moerwijk"],
        place="Buurthuis De Henneb",
        starts_at=dt.datetime.combine(day, dt.time(14, 0), tzinfo=tz),
        ends_at=dt.datetime.combine(day, dt.time(15, 0), tzinfo=tz),
        slot_minutes=30,
    )
    page = visitor.page
    visitor.goto("/initiatieven/")
    visitor.follow(page.get_by_role("link", name="Liever eerst praten? Kom naar een spreekuur"))
    visitor.follow(page.get_by_role("link", name="Maak een afspraak").first)
    page.get_by_label("14:30").check()
    page.get_by_label("Uw naam").fill("Fatima")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    page.get_by_label("Waar wilt u over praten?").fill("Een buurtfeest in de zomer")
    visitor.follow(page.get_by_role("button", name="Afspraak maken"))
    assert page.get_by_text("Uw afspraak staat.").is_visible()

    # The confirmation email carries the agenda file and the cancel link; she uses the link.
    mails = [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in mail_folder.glob("*.eml")
    ]
    (message,) = [m for m in mails if m["To"] == "fatima@example.org"]
    assert [part.get_filename() for part in message.iter_attachments()] == ["spreekuur.ics"]
    link = re.search(
        r"/initiatieven/spreekuren/afspraak/[\w-]+/", message.get_body(("plain",)).get_content()
    )
    visitor.goto(link.group(0))
    assert page.get_by_text("Bevestigd", exact=True).is_visible()
    visitor.follow(page.get_by_role("button", name="Afspraak afzeggen"))
    assert page.get_by_text("Afgezegd", exact=True).is_visible()
    assert Booking.objects.get().cancelled_at is not None


@pytest.fixture
def conversation(wijken, resident_factory, broker_factory):
    """An initiative a broker has taken, made through the services before the browser starts
    (their live updates use async_to_sync, which cannot run inside Playwright's event loop)."""
    from initiatives.factories import FundFactory, InitiativeFactory
    from initiatives.models import BrokerWijk
    from initiatives.services import initiative_submit, initiative_take

    moerwijk = wijken["moerwijk"]
    initiator = resident_factory(email="amina@example.org", display_name="Amina")
    broker = broker_factory(display_name="Karim")
    BrokerWijk.objects.create(broker=broker, wijk=moerwijk)
    fund = FundFactory(wijk=moerwijk, total_cents=500_000)
    draft = InitiativeFactory(initiator=initiator, wijk=moerwijk, title="Moestuin voor de buurt")
    initiative = initiative_submit(initiative=draft, actor=initiator)
    initiative_take(initiative=initiative, actor=broker, public_message="Ik help u graag.")
    neighbour = resident_factory(display_name="Sam")
    return initiative, initiator, broker, fund, neighbour


def test_grant_publish_support_and_accountability(
    conversation, visitor, staff_visitor, browser, live_server
):
    """From a conversation to a completed initiative: the broker grants part of the amount, the
    fund shrinks, the initiator publishes, a neighbour gives steun and signs up, the initiator
    files the accountability and the broker confirms it."""
    initiative, initiator, broker, fund, neighbour_user = conversation
    log_in(staff_visitor, broker)
    workspace = staff_visitor.page
    staff_visitor.goto(f"/beheer/initiatieven/{initiative.reference}/")
    workspace.locator("#id_toekennen-amount").fill("400")
    workspace.locator("#id_toekennen-conditions").fill("Bewaar de bonnetjes.")
    workspace.locator("#id_toekennen-public_message").fill("U krijgt € 400 voor uw moestuin.")
    staff_visitor.follow(workspace.get_by_role("button", name="Toekennen", exact=True))
    fund.refresh_from_db()
    assert fund.remaining_cents == 460_000
    staff_visitor.goto("/beheer/initiatieven/fondsen/")
    assert "€ 4.600,00" in workspace.content()

    page = visitor.page
    log_in(visitor, initiator)
    visitor.goto(f"/initiatieven/mijn/{initiative.pk}/")
    assert page.get_by_text("€ 400,00").first.is_visible()
    visitor.follow(page.get_by_role("button", name="Op de website zetten"))

    neighbour_context = browser.new_context(viewport={"width": 360, "height": 800})
    neighbour = Visitor(neighbour_context.new_page(), live_server.url)
    log_in(neighbour, neighbour_user)
    neighbour.goto("/initiatieven/")
    neighbour.follow(neighbour.page.get_by_role("link", name="Moestuin voor de buurt"))
    neighbour.follow(neighbour.page.get_by_role("button", name="Ik steun dit"))
    neighbour.follow(neighbour.page.get_by_role("link", name="Ik doe mee"))
    neighbour.page.get_by_label("Wat wilt u doen?").fill("Ik kan op zaterdag scheppen.")
    neighbour.page.get_by_label("De bewoner die het plan maakte, mag mijn e-mailadres").check()
    neighbour.follow(neighbour.page.get_by_role("button", name="Ik doe mee"))
    assert neighbour.page.get_by_text("1 buurtbewoner steunt dit").is_visible()
    neighbour_context.close()

    workspace.goto(f"{live_server.url}/beheer/initiatieven/{initiative.reference}/")
    workspace.locator("#id_starten-public_message").fill("Succes met de moestuin!")
    staff_visitor.follow(workspace.get_by_role("button", name="Uitvoering starten"))

    visitor.goto(f"/initiatieven/mijn/{initiative.pk}/")
    assert page.get_by_text("Ik kan op zaterdag scheppen.").is_visible()
    assert page.get_by_role("link", name=neighbour_user.email).is_visible()  # agreed to share
    page.get_by_label("Wat is er gebeurd?").fill("Twintig buren hebben samen geplant.")
    page.get_by_label("Hoeveel mensen deden mee?").fill("20")
    for field in page.locator("input[name^='verantwoording-spent_']").all():
        field.fill("150")
    visitor.follow(page.get_by_role("button", name="Verantwoording versturen"))

    staff_visitor.goto(f"/beheer/initiatieven/{initiative.reference}/")
    workspace.locator("#id_afronden-public_message").fill("Dank u wel, mooi gedaan!")
    staff_visitor.follow(
        workspace.get_by_role("button", name="Verantwoording bevestigen en afronden")
    )
    initiative.refresh_from_db()
    assert initiative.status == "afgerond"
    visitor.goto(f"/initiatieven/{initiative.reference}/")
    assert page.get_by_text("Zo is het gegaan").is_visible()
    assert "uitgegeven € 300,00" in page.content()
    from initiatives.models import Fund

    assert Fund.objects.get(pk=fund.pk).remaining_cents == 460_000


def test_messages_appear_live_for_the_other_party(conversation, live_visitors):
    """Both pages open at once: a message from the broker shows up on the resident's page, and
    the answer on the broker's, without anyone reloading; the queue announces it too."""
    from tests.e2e.conftest import session_for

    initiative, initiator, broker, _fund, _neighbour = conversation
    resident = live_visitors(360, session_for(initiator))
    workspace = live_visitors(1280, session_for(broker), strict=False)
    colleague = live_visitors(1280, session_for(broker), strict=False)

    resident.goto(f"/initiatieven/mijn/{initiative.pk}/")
    resident.page.locator("#initiative-live[data-live=on]").wait_for(state="attached")
    resident.page.evaluate("window.notReloaded = true")
    colleague.goto("/beheer/initiatieven/?wachtrij=mijn")
    colleague.page.locator("#initiatives-queue-live[data-live=on]").wait_for(state="attached")

    workspace.goto(f"/beheer/initiatieven/{initiative.reference}/")
    workspace.page.locator("#initiative-live[data-live=on]").wait_for(state="attached")
    workspace.page.locator("#id_bericht-text").fill("Mag ik zaterdag langskomen?")
    workspace.follow(workspace.page.get_by_role("button", name="Bericht versturen"))

    thread = resident.page.locator("#initiative-thread")
    thread.get_by_text("Mag ik zaterdag langskomen?").wait_for()
    assert resident.page.evaluate("window.notReloaded") is True
    assert "Contactpersoon (Karim)" in thread.inner_text()
    resident.page.get_by_text("Nieuw bericht van Contactpersoon (Karim)").wait_for()
    resident.check()  # the page as it is now, with the new message, passes axe

    workspace.page.locator("#initiative-live[data-live=on]").wait_for(state="attached")
    workspace.page.evaluate("window.notReloaded = true")
    resident.page.get_by_label("Uw bericht").fill("Ja, graag! Om tien uur?")
    resident.follow(resident.page.get_by_role("button", name="Bericht versturen"))
    answer = workspace.page.locator("#initiative-thread").get_by_text("Ja, graag! Om tien uur?")
    answer.wait_for()
    assert workspace.page.evaluate("window.notReloaded") is True
    assert "Initiatiefnemer (Amina)" in workspace.page.locator("#initiative-thread").inner_text()
    workspace.check()

    # The broker's queue in another tab heard of the answer as well.
    notice = colleague.page.locator("#initiatives-queue-live").get_by_role("link")
    notice.filter(has_text=initiative.reference).first.wait_for()
    colleague.check()
