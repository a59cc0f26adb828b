"""The vote-code letter in each of the six site languages: its words come from that language's
catalogue, the text layer of the PDF holds them (Turkish, Polish, Bulgarian and Arabic letters
included, Arabic shaped and in reading order), every character has a glyph in the embedded Noto
fonts and no other font is used, Arabic lines are right-aligned, and the closing date and the
help line are there. poppler's tools read the PDF as a printer or a screen reader would."""

import re
import shutil
import subprocess
from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import arabic_reshaper
import pytest
from django.conf import settings
from django.contrib import messages
from django.urls import reverse
from django.utils import translation
from PIL import Image
from reportlab.pdfbase import pdfmetrics

from common.l10n import format_day
from common.pdftext import ARABIC, LATIN, font_for, register_fonts
from participation.wijkbudget.letters import letter_texts, letters_pdf, practical_lines
from participation.wijkbudget.services.voting import format_code

pytestmark = pytest.mark.django_db

CODE = "ABCDEFGHJKMN"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
POPPLER = all(shutil.which(tool) for tool in ("pdftoppm", "pdftotext", "pdffonts"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils missing (make pdf-tools)")

# Bidi marks that pdftotext puts around right-to-left runs, and the ones the letter may carry.
_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RTL_RUN = re.compile("(\u202b[^\u202c]*\u202c)")
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3\ufe70-\ufefc]+")


def run(*command: str, data: bytes) -> bytes:
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout


def text_layer(pdf: bytes) -> str:
    return run("pdftotext", "-", "-", data=pdf).decode()


def plain(text: str) -> str:
    """Marks out, every kind of space one ordinary space."""
    return " ".join(_MARKS.sub("", text).replace("\u00a0", " ").replace("\u202f", " ").split())


def logical_rtl(extracted: str) -> str:
    """pdftotext writes a right-to-left line's pieces from left to right, each Arabic piece in
    reading order between RLE and PDF marks: the pieces reversed give the line as it is read."""
    lines = []
    for line in extracted.splitlines():
        pieces = [piece for piece in _RTL_RUN.split(line) if piece]
        lines.append(" ".join(reversed(pieces)))
    return "\n".join(lines)


def arabic_words(text: str) -> list[str]:
    return _ARABIC_WORD.findall(text)


def expected_strings(t: dict) -> list[str]:
    """Every text of a letter block, as its catalogue gives it (with its number or colon)."""
    steps = [f"{number}. {step}" for number, step in enumerate(t["steps"], start=1)]
    return [t["title"], t["intro"], t["how"], *steps, t["code"] + ":", *t["practical"], t["note"]]


def contains_in_order(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack)))


@pytest.fixture
def closing(voting_round, settings):
    settings.PARTICIPATIEWINKEL_PHONE = "070 123 45 67"
    voting_round.voting_ends_at = datetime(2027, 3, 14, 18, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    return voting_round


def letter(round, lang: str) -> bytes:
    return letters_pdf(round, [CODE], ("nl",) if lang == "nl" else ("nl", lang))


def words_of(round, lang: str) -> dict:
    url = settings.ZUIDWEST_BASE_URL.rstrip("/") + reverse("participation:vote", args=[round.slug])
    with translation.override(lang):
        return letter_texts(round, url)


def test_the_closing_date_and_the_help_line_in_the_reader_s_language(closing):
    assert practical_lines(closing, "nl") == [
        "Stemmen kan tot 14 maart 2027 om 18:00 uur.",
        "Vragen, of hulp nodig bij het stemmen? Bel de participatiewinkel: 070 123 45 67.",
    ]
    assert practical_lines(closing, "en")[0] == "You can vote until 14 March 2027 at 18:00."
    assert practical_lines(closing, "pl")[0] == "Głosować można do 14 marca 2027, do godziny 18:00."
    assert practical_lines(closing, "bg")[0].startswith("Можете да гласувате до 14 март 2027")
    assert "14 Mart 2027" in practical_lines(closing, "tr")[0]


def test_without_a_planned_end_the_letter_still_gives_the_help_line(voting_round):
    voting_round.voting_ends_at = None
    [line] = practical_lines(voting_round, "nl")
    assert line.split("? ")[1] == "Bel de participatiewinkel: 14 070."


def test_the_words_come_from_each_language_s_catalogue(closing):
    seen = set()
    for lang in LANGUAGES:
        t = words_of(closing, lang)
        with translation.override(lang):
            assert t["title"] == translation.gettext("Stem mee over het wijkbudget")
        seen.add(t["title"])
    assert len(seen) == 6  # no language falls back to another's words
    assert "€ 10.000,00" in words_of(closing, "nl")["intro"]
    assert "€10,000.00" in words_of(closing, "en")["intro"]
    assert "10\u00a0000,00 €" in words_of(closing, "pl")["intro"]
    assert words_of(closing, "ar")["rtl"] and not words_of(closing, "nl")["rtl"]


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_letter_in_each_language(closing, lang):
    pdf = letter(closing, lang)
    t = words_of(closing, lang)

    # Only the embedded Noto fonts: no Helvetica, no Courier, nothing the printer must supply.
    fonts = run("pdffonts", "-", data=pdf).decode().splitlines()[2:]
    used = {line.split()[0].split("+")[-1] for line in fonts}
    assert used <= {"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular",
                    "NotoSansArabic-Bold"}, used  # fmt: skip
    assert all(line.split()[-5] == "yes" for line in fonts)  # emb
    assert ("NotoSansArabic-Regular" in used) == (lang == "ar")

    extracted = text_layer(pdf)
    flat = plain(extracted)
    # The Dutch block is always there, and the practical lines of both languages.
    for text in expected_strings(words_of(closing, "nl")):
        assert plain(text) in flat
    assert format_code(CODE) in flat and "070 123 45 67" in flat
    assert "http://" in flat and f"/{closing.slug}/" in flat

    own = {
        "tr": "ğş",
        "pl": "łą",
        "bg": "гласувате",
    }
    if lang in own:
        assert all(char in flat for char in own[lang])
    if lang == "ar":
        # pdftotext gives the shaped letters (presentation forms), each word in reading order:
        # the catalogue's words, shaped, in the catalogue's order.
        assert re.search("[\ufe70-\ufefc]", extracted)
        read = arabic_words(logical_rtl(extracted))
        for text in expected_strings(t):
            assert contains_in_order(read, arabic_words(arabic_reshaper.reshape(text))), text
        assert "6:00" in flat and "2027" in flat
    elif lang != "nl":
        for text in expected_strings(t):
            assert plain(text) in flat, text

    # Every character of the text has a glyph in the font the letter draws it with.
    register_fonts()
    faces = {name: pdfmetrics.getFont(name).face for name in (*LATIN, *ARABIC)}
    for char in set(re.sub(r"\s", "", _MARKS.sub("", extracted))):
        for bold in (False, True):
            assert ord(char) in faces[font_for(char, bold)].charToGlyph, (char, hex(ord(char)))


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_block_of_the_printed_letter_names_the_closing_date_and_the_phone(
    closing, lang
):
    """Not only the Dutch block: the reader of the other language finds until when to vote and
    whom to call in their own block, the date written the way their language writes it."""
    closing.title = "Wijkbudget Moerwijk"  # no digits of its own in the header
    extracted = text_layer(letter(closing, lang))
    flat = plain(extracted)
    blocks = ("nl",) if lang == "nl" else ("nl", lang)
    assert flat.count("070 123 45 67") == len(blocks)
    assert flat.count("2027") == len(blocks)  # the year of the closing day, once per block
    for block in blocks:
        with translation.override(block):
            day = format_day(closing.voting_ends_at)
        if block == "ar":
            assert contains_in_order(
                arabic_words(logical_rtl(extracted)), arabic_words(arabic_reshaper.reshape(day))
            )
        else:
            assert plain(day) in flat, (block, day)


@needs_poppler
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_printed_page_is_left_aligned_or_right_aligned_by_language(closing, lang):
    """Rendered to pixels (pdftoppm, 72 dpi: a pixel is a point): each text line of the column
    (20 to 140 mm from the left; the QR code stands right of it) starts at 20 mm, except the
    lines of an Arabic block, which end at 140 mm."""
    png = run("pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", "-", data=letter(closing, lang))
    page = Image.open(BytesIO(png)).convert("L")
    mm = 72 / 25.4
    left, right = round(20 * mm), round(140 * mm)
    column = page.crop((0, 0, round(145 * mm), page.height)).point(lambda v: 255 if v < 128 else 0)
    lines, top = [], None
    for y in range(column.height + 1):
        inked = y < column.height and column.crop((0, y, column.width, y + 1)).getbbox()
        if inked and top is None:
            top = y
        elif not inked and top is not None:
            lines.append(column.crop((0, top, column.width, y)).getbbox())
            top = None
    lines = [box for box in lines if box[3] >= 4]  # not the dot of an İ, nor Arabic dots
    starts_left = [abs(box[0] - left) <= 3 for box in lines]
    ends_right = [abs(box[2] - right) <= 3 for box in lines]
    ragged = [end and box[0] > left + 10 * mm for box, end in zip(lines, ends_right, strict=True)]
    if lang == "ar":
        first = ragged.index(True)
        assert first >= 12 and all(starts_left[:first])  # the header and the Dutch block
        assert all(ends_right[first:]) and sum(ragged[first:]) >= 8
    else:
        assert len(lines) >= (12 if lang == "nl" else 24)
        assert all(starts_left) and not any(ragged)


def ws(name, round):
    return reverse(f"wijkbudget_workspace:{name}", args=[round.pk])


def test_the_coordinator_chooses_dutch_with_any_other_language(client, voting_round, coordinator):
    client.force_login(coordinator)
    html = client.get(ws("round", voting_round)).content.decode()
    for value, label in [
        ("nl-en", "Nederlands en Engels"),
        ("nl-tr", "Nederlands en Turks"),
        ("nl-ar", "Nederlands en Arabisch"),
        ("nl-pl", "Nederlands en Pools"),
        ("nl-bg", "Nederlands en Bulgaars"),
        ("nl", "Alleen Nederlands"),
    ]:
        assert f'<option value="{value}">{label}</option>' in html
    response = client.post(ws("codes", voting_round), {"count": 2, "language": "nl-pl"})
    assert response["Content-Type"] == "application/pdf"
    assert voting_round.codes.count() == 2
    if POPPLER:
        flat = plain(text_layer(response.content))
        assert (
            "Głosowanie nad budżetem dzielnicy" in flat and "Stem mee over het wijkbudget" in flat
        )


def test_a_language_that_is_not_offered_is_refused(client, voting_round, coordinator):
    client.force_login(coordinator)
    response = client.post(ws("codes", voting_round), {"count": 2, "language": "nl-fr"})
    assert response.status_code == 302 and response["Content-Type"] != "application/pdf"
    [message] = messages.get_messages(response.wsgi_request)
    assert "geldige keuze" in message.message
    assert not voting_round.codes.exists()  # nothing made, nothing to lose
