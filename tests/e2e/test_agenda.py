"""The agenda in a real browser at phone width, axe on every page: a resident finds an activity
through the filters and takes its last free place; a second resident lands on the waiting list;
the first cancels by the link in the confirmation email, and the second is moved up and told by
email. Then the wijk page, the project page and site search."""

import email
import re
from email import policy

import pytest

from participation.agenda.factories import ActivityFactory
from participation.agenda.models import ActivityType
from tests.e2e.conftest import Visitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def mails_to(folder, address: str) -> list:
    found = []
    for path in sorted(folder.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if address in message["To"]:
            found.append(message)
    return found


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/e-mail/bevestigen/\S+/", body(message)).group(0)


def cancel_link(message) -> str:
    return re.search(r"https?://\S+/agenda/aanmelding/\S+/", body(message)).group(0)


@pytest.fixture
def second_visitor(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Visitor(page, live_server.url)
    context.close()


def test_last_place_waiting_list_and_moving_up(
    visitor, second_visitor, page_tree, wijken, mail_folder, settings, live_server
):
    settings.ZUIDWEST_BASE_URL = live_server.url
    ActivityFactory(
        wijk=wijken["moerwijk"],
        type=ActivityType.ONTWERPSESSIE,
        title="Ontwerpsessie schoolplein Twickelstraat",
        capacity=1,
    )
    ActivityFactory(wijk=wijken["bouwlust"], title="Wijkforum Bouwlust", capacity=40)

    page = visitor.page
    visitor.goto("/agenda/")
    assert page.get_by_role("heading", level=1).inner_text() == "Agenda"
    page.get_by_label("Wijk").select_option(label="Moerwijk")
    page.get_by_label("Soort activiteit").select_option(label="Ontwerpsessie")
    visitor.follow(page.get_by_role("button", name="Toon activiteiten"))
    assert "wijk=moerwijk" in page.url and "soort=ontwerpsessie" in page.url
    assert page.get_by_text("Wijkforum Bouwlust").count() == 0
    assert page.get_by_text("Nog 1 plaats vrij").is_visible()
    visitor.follow(page.get_by_role("link", name="Ontwerpsessie schoolplein Twickelstraat"))

    page.get_by_label("Uw naam").fill("Fatima")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    visitor.follow(page.get_by_role("button", name="Aanmelden"))
    assert page.get_by_role("heading", name="U bent aangemeld.").is_visible()
    (confirmation,) = mails_to(mail_folder, "fatima@example.org")
    assert "U bent aangemeld" in confirmation["Subject"]
    attachments = [part.get_filename() for part in confirmation.iter_attachments()]
    assert attachments == ["activiteit.ics"]

    other = second_visitor.page
    second_visitor.goto("/agenda/?wijk=moerwijk")
    second_visitor.follow(other.get_by_role("link", name="Ontwerpsessie schoolplein Twickelstraat"))
    assert other.get_by_text("Deze activiteit is vol.").is_visible()
    other.get_by_label("Uw naam").fill("Bram")
    other.get_by_label("E-mailadres").fill("bram@example.org")
    second_visitor.follow(other.get_by_role("button", name="Zet mij op de wachtlijst"))
    assert other.get_by_role("heading", name="U staat op de wachtlijst.").is_visible()
    assert other.get_by_text("u bent nummer 1 op de wachtlijst").is_visible()
    waiting_page = other.url
    # Bram's address was typed, so his mail asks "was this you?"; news of a place from the
    # waiting list goes only to a confirmed address.
    (waiting,) = mails_to(mail_folder, "bram@example.org")
    assert "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest" in body(waiting)
    second_visitor.goto(confirm_link(waiting).replace(live_server.url, ""))
    second_visitor.follow(other.get_by_role("button", name="Ja, dit was ik"))
    assert other.get_by_text("Uw e-mailadres is bevestigd.").is_visible()

    # Fatima cannot come after all: she cancels by the link in her email.
    visitor.goto(cancel_link(confirmation).replace(live_server.url, ""))
    visitor.follow(page.get_by_role("button", name="Afmelden"))
    assert page.get_by_text("U bent afgemeld.").is_visible()
    assert page.locator(".registration-status").inner_text() == "Afgemeld"

    # Bram got her place and was told.
    told = [m for m in mails_to(mail_folder, "bram@example.org") if "plaats" in m["Subject"]]
    assert len(told) == 1 and "Er is plaats voor u" in told[0]["Subject"]
    second_visitor.goto(waiting_page.replace(live_server.url, ""))
    assert other.locator(".registration-status").inner_text() == "Aangemeld"
    second_visitor.goto(cancel_link(told[0]).replace(live_server.url, ""))
    assert other.locator(".registration-status").inner_text() == "Aangemeld"

    # The wijk page shows the activity next to the wijk's projects; the project page its steps.
    visitor.goto("/wijken/moerwijk/")
    assert page.get_by_role("link", name="Ontwerpsessie schoolplein Twickelstraat").is_visible()
    visitor.follow(page.get_by_role("link", name="Samenwerken Twickelstraat"))
    assert page.get_by_role("heading", name="Tijdlijn").is_visible()

    visitor.goto("/participatiewinkel/")
    assert page.get_by_role("link", name="Wijkforum Bouwlust").is_visible()

    # Site search from the home page finds methods and projects.
    visitor.goto("/")
    page.get_by_role("searchbox", name="Waar zoekt u naar?").fill("wijkschouw")
    visitor.follow(page.get_by_role("button", name="Zoeken"))
    assert page.get_by_role("link", name="Wijkschouw").first.is_visible()
