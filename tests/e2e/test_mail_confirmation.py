"""Typed email addresses in a real browser, with the keyboard only and axe on every page:
"dit meld ik ook" is double opt-in (the supporter counts once the link in the mail is
followed), an agenda sign-up's mail says who asked, and Tab never lands in a honeypot."""

import email
import re
from email import policy

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HONEYPOT = "document.activeElement && document.activeElement.name === 'website'"


def mail_bodies(folder, address: str) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        if address in message["To"]:
            found.append(message.get_body(preferencelist=("plain",)).get_content())
    return found


def confirm_path(text: str, base_url: str) -> str:
    url = re.search(r"https?://\S+/e-mail/bevestigen/\S+/", text).group(0)
    return url.replace(base_url, "")


def tab_to(page, locator, *, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus; the honeypot must never get it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert not page.evaluate(HONEYPOT), "Tab landed in the honeypot"
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def tab_through_everything(page, *, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert not page.evaluate(HONEYPOT), "Tab landed in the honeypot"


def press_enter_and_wait(visitor, page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")
    visitor.check()


def type_into(page, field, text: str) -> None:
    """Tab to `field` and type, as a keyboard user fills in a form."""
    tab_to(page, field)
    page.keyboard.type(text)


def activate(visitor, control) -> None:
    """Tab to a button or link and press Enter; the next page gets axe's check."""
    tab_to(visitor.page, control)
    press_enter_and_wait(visitor, visitor.page)


@pytest.fixture
def reported(wijken, settings, live_server):
    from common.loaders import load_afdelingen
    from meldingen.factories import MeldingFactory
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    settings.ZUIDWEST_BASE_URL = live_server.url
    load_afdelingen()
    load_categories()
    return MeldingFactory(
        category=Category.objects.get(slug="ratten"), postcode="2532AB", lat=None, lon=None
    )


def test_dit_meld_ik_ook_by_keyboard_counts_after_the_link_in_the_mail(
    visitor, reported, mail_folder, live_server
):
    page = visitor.page
    visitor.goto("/melden/")
    type_into(page, page.get_by_label("Zoek, bijvoorbeeld: ratten, afval, lantaarnpaal"), "ratten")
    press_enter_and_wait(visitor, page)
    tab_to(page, page.get_by_label("Ratten of muizen op straat"))
    page.keyboard.press("Space")
    activate(visitor, page.get_by_role("button", name="Verder"))
    type_into(page, page.get_by_label("Postcode"), "2532 AB")
    type_into(page, page.get_by_label("Huisnummer (in de buurt)"), "5")
    activate(visitor, page.get_by_role("button", name="Verder"))
    assert page.get_by_text("Is dit al gemeld?").is_visible()

    # The last step holds the honeypot: Tab goes all through it and never lands there.
    visitor.goto("/melden/omschrijving/")
    tab_through_everything(page)
    visitor.goto("/melden/fotos/")

    type_into(page, page.get_by_label("Uw e-mailadres").first, "buur@example.org")
    activate(visitor, page.get_by_role("button", name="Dit meld ik ook").first)
    assert page.get_by_role("heading", name="Kijk in uw e-mail").is_visible()
    reported.refresh_from_db()
    assert reported.supporters == 0

    (confirmation,) = mail_bodies(mail_folder, "buur@example.org")
    assert "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest" in confirmation
    visitor.goto(confirm_path(confirmation, live_server.url))
    assert page.get_by_text(reported.reference).first.is_visible()
    activate(visitor, page.get_by_role("button", name="Ja, dit was ik"))
    assert page.get_by_text("U volgt deze melding nu.").is_visible()
    reported.refresh_from_db()
    assert reported.supporters == 1


def test_an_agenda_sign_up_by_keyboard_says_who_asked_and_not_me_cancels(
    visitor, wijken, mail_folder, settings, live_server
):
    from participation.agenda.factories import ActivityFactory
    from participation.agenda.models import Registration, RegistrationStatus

    settings.ZUIDWEST_BASE_URL = live_server.url
    activity = ActivityFactory(wijk=wijken["moerwijk"], title="Taalcafé Moerwijk", capacity=10)
    page = visitor.page
    visitor.goto(activity.get_absolute_url())
    type_into(page, page.get_by_label("Uw naam"), "Fatima")
    type_into(page, page.get_by_label("E-mailadres"), "fatima@example.org")
    activate(visitor, page.get_by_role("button", name="Aanmelden"))
    assert page.get_by_role("heading", name="U bent aangemeld.").is_visible()
    assert page.get_by_text("Pas dan sturen wij u ook de herinnering.").is_visible()

    (first,) = mail_bodies(mail_folder, "fatima@example.org")
    assert "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest, voor: " in first
    assert "Taalcafé Moerwijk" in first
    nee = re.search(r"https?://\S+/e-mail/bevestigen/\S+/\?nee", first).group(0)
    visitor.goto(nee.replace(live_server.url, ""))
    assert page.get_by_role("button", name="Ja, dit was ik").count() == 0
    activate(visitor, page.get_by_role("button", name="Nee, dit was ik niet"))
    assert page.get_by_text("De aanmelding is geschrapt.").is_visible()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
