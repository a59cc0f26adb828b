"""Issue 12, acceptance 1: in each of the six languages a resident at 360 px reports a melding
without an account, gets the confirmation and a status update by e-mail in that language, and
follows the report on its page. On those pages and in those mails no text of another language
appears (checked against the catalogues), axe finds nothing, and Arabic is right to left without
horizontal overflow."""

import email
import re
from email import policy

import pytest
from django.conf import settings
from django.utils import translation

from tests.e2e.conftest import Visitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# What a resident types, in their own words (their text is theirs, not the catalogue's).
DESCRIPTIONS = {
    "nl": "De lamp bij de speeltuin is kapot.",
    "en": "The lamp by the playground is broken.",
    "tr": "Oyun parkının yanındaki lamba bozuk.",
    "ar": "المصباح بجانب الملعب معطل.",
    "pl": "Lampa przy placu zabaw nie działa.",
    "bg": "Лампата до детската площадка не работи.",
}
SHORTEST = 24  # shorter texts (names, "OK", one word) may well be the same in two languages


def catalogue_texts() -> dict[str, set[str]]:
    """Per language, the longer texts it shows (its translations; for Dutch the sources)."""
    import polib

    texts: dict[str, set[str]] = {code: set() for code in LANGUAGES}
    for code in LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        for domain in ("django", "djangojs"):
            path = settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
            for entry in polib.pofile(str(path)):
                if entry.obsolete or entry.msgid_plural or "%" in entry.msgid:
                    continue
                if len(entry.msgid) >= SHORTEST and entry.msgstr != entry.msgid:
                    texts[settings.LANGUAGE_CODE].add(entry.msgid)
                    texts[code].add(entry.msgstr)
    return texts


@pytest.fixture(scope="module")
def catalogues():
    return catalogue_texts()


def foreign(text: str, language: str, catalogues) -> list[str]:
    """The texts of the other languages' catalogues that appear in `text`."""
    mine = catalogues[language]
    found = []
    for other, texts in catalogues.items():
        if other == language:
            continue
        found += [t for t in texts - mine if t in text]
    return found


def mails(folder) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from demo.pages import load_page_tree
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    load_page_tree()


def check_page(resident: Visitor, language: str, catalogues) -> None:
    page = resident.page
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, f"{page.url} scrolls sideways at 360 px"
    shown = page.locator("body").inner_text()
    assert not foreign(shown, language, catalogues), (
        page.url,
        foreign(shown, language, catalogues),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_in_every_language(
    language, visitor, reference_data, mail_folder, catalogues, user_factory
):
    from common.models import Afdeling
    from meldingen.models import Category, Melding, StandardText
    from meldingen.services.handling import melding_change_status
    from meldingen.workflow import Status

    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    lamp = Category.objects.get(slug="lantaarnpaal")
    resident, page = visitor, visitor.page

    resident.goto(f"{prefix}/melden/")
    check_page(resident, language, catalogues)
    page.locator(f"input[name=category][value='{lamp.pk}']").check()
    resident.follow(page.locator("main button.utrecht-button--primary-action").last)
    page.locator("input[name=postcode]").fill("2532 AB")
    page.locator("input[name=huisnummer]").fill("12")
    check_page(resident, language, catalogues)
    resident.follow(page.locator("main button.utrecht-button--primary-action").last)
    check_page(resident, language, catalogues)
    resident.follow(page.locator("main button.utrecht-button--primary-action").last)
    page.locator("textarea[name=description]").fill(DESCRIPTIONS[language])
    page.locator("input[name=email]").fill("melder@example.org")
    check_page(resident, language, catalogues)
    resident.follow(page.locator("main button.utrecht-button--primary-action").last)
    check_page(resident, language, catalogues)

    melding = Melding.objects.get()
    assert melding.language == language
    # The handler answers with the ready text, which the back office offers in the reporter's
    # language.
    ready = StandardText.objects.get(status=Status.IN_BEHANDELING, category=None)
    with translation.override(language):
        answer = ready.text
    handler = user_factory(
        role="behandelaar", afdeling=melding.afdeling or Afdeling.objects.first()
    )
    melding_change_status(
        melding=melding, to=Status.IN_BEHANDELING, actor=handler, public_message=answer
    )
    sent = [m for m in mails(mail_folder) if "melder@example.org" in m["To"]]
    assert len(sent) >= 2, [m["Subject"] for m in sent]
    follow_link = None
    for message in sent:
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert f'lang="{language}"' in html
        assert ('dir="rtl"' if language == "ar" else 'dir="ltr"') in html
        body = message["Subject"] + "\n" + text
        assert not foreign(body, language, catalogues), (
            message["Subject"],
            foreign(body, language, catalogues),
        )
        links = re.findall(r"https?://\S+/melden/volg/\S+", text)
        follow_link = follow_link or (links[0] if links else None)
    assert answer in sent[-1].get_body(("plain",)).get_content()
    assert follow_link, "the mails carry the follow link"
    path = re.sub(r"^https?://[^/]+", "", follow_link).rstrip(".,)")
    assert path.startswith(f"{prefix}/"), path
    resident.goto(path)
    check_page(resident, language, catalogues)
    assert answer in page.locator("main").inner_text()
