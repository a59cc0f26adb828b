"""A4 letters with a vote code, as one PDF (reportlab for the page, segno for the QR code).

The codes exist in clear only while this PDF is made: the database keeps their hashes. Each
letter says in Dutch (and, when asked, in one other site language below it) how to vote, until
when, and whom to call for help, with a QR code that opens the ballot page with the code filled
in. The words come from the catalogue of each language (gettext under `translation.override`);
amounts and the closing date are written the way that language writes them (common.l10n); the
fonts are embedded and Arabic is shaped and right to left (common.pdftext).
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from common.l10n import format_clock, format_day, format_money, format_names
from common.pdftext import LATIN, Writer, ltr, register_fonts

from .services.voting import format_code

# The languages a letter can have besides Dutch: every other site language.
OTHER_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != "nl")


def letter_texts(round, url: str) -> dict:
    """The words of one letter in the active language, as drawn (`url` and the phone number
    kept left to right)."""
    return {
        "title": _("Stem mee over het wijkbudget"),
        "intro": _(
            "U mag meebeslissen waar %(budget)s voor %(wijken)s aan wordt besteed. Bewoners "
            "hebben plannen bedacht; de gemeente heeft gekeken of ze kunnen. Nu kiest u."
        )
        % {
            "budget": format_money(round.budget_cents),
            "wijken": format_names([w.name for w in round.wijken.all()]),
        },
        "how": _("Zo stemt u:"),
        "steps": [
            _("Scan de QR-code met uw telefoon, of ga naar %(url)s") % {"url": ltr(url)},
            _("Vul uw stemcode in (als u de QR-code scant, staat die er al)."),
            _("Kies de plannen die u wilt en bevestig uw stem."),
        ],
        "code": _("Uw stemcode"),
        "note": _(
            "Deze code is voor één stem. Niemand kan zien wat u stemt. U kunt uw stem veranderen "
            "tot het stemmen sluit; alleen uw laatste stem telt."
        ),
        "practical": practical_lines(round, for_pdf=True),
        "rtl": translation.get_language_bidi(),
    }


def _qr(c: canvas.Canvas, data: str, x: float, y: float, size: float) -> None:
    qr = segno.make(data, error="m")
    matrix = list(qr.matrix_iter(scale=1, border=2))
    cell = size / len(matrix)
    c.setFillColorRGB(0, 0, 0)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                c.rect(
                    x + col_index * cell,
                    y + size - (row_index + 1) * cell,
                    cell,
                    cell,
                    stroke=0,
                    fill=1,
                )


def practical_lines(round, lang: str | None = None, *, for_pdf: bool = False) -> list[str]:
    """Until when one can vote (the planned end) and whom to call for help, in `lang` (or the
    active language). `for_pdf` keeps the phone number left to right in one piece."""
    with translation.override(lang or translation.get_language()):
        lines = []
        if round.voting_ends_at is not None:
            lines.append(
                _("Stemmen kan tot %(date)s om %(time)s uur.")
                % {
                    "date": format_day(round.voting_ends_at),
                    "time": format_clock(round.voting_ends_at),
                }
            )
        lines.append(
            _("Vragen, of hulp nodig bij het stemmen? Bel de participatiewinkel: %(phone)s.")
            % {"phone": (ltr if for_pdf else str)(settings.PARTICIPATIEWINKEL_PHONE)}
        )
        return lines


def _section(c, t: dict, code: str, y: float) -> float:
    """One language's block of the letter (its words `t`), from `y` down; returns the y below."""
    w = Writer(c, left=20 * mm, width=120 * mm, rtl=t["rtl"])
    y = w.paragraph(t["title"], y, size=15, bold=True) - 3 * mm
    y = w.paragraph(t["intro"], y) - 2 * mm
    y = w.paragraph(t["how"], y, bold=True) - 1 * mm
    for number, step in enumerate(t["steps"], start=1):
        y = w.paragraph(f"{number}. {step}", y)
    y -= 3 * mm
    label = t["code"] + ":"
    w.line(label, y)
    w.line(
        format_code(code),
        y - 1,
        size=18,
        bold=True,
        indent=max(40 * mm, w.measure(label, 11) + 4 * mm),
    )
    y -= 9 * mm
    for line in t["practical"]:
        y = w.paragraph(line, y)
    y -= 1 * mm
    return w.paragraph(t["note"], y, size=9) - 6 * mm


def letters_pdf(round, codes: list[str], languages: tuple[str, ...] = ("nl", "en")) -> bytes:
    """One A4 page per code, with a block for each of `languages`, Dutch first."""
    buffer = io.BytesIO()
    register_fonts()
    c = canvas.Canvas(buffer, pagesize=A4, pageCompression=1, initialFontName=LATIN[0])
    c.setTitle(f"Stemcodes – {round.title}")
    base = settings.ZUIDWEST_BASE_URL.rstrip("/")
    with translation.override("nl"):
        path = reverse("participation:vote", args=[round.slug])
    url = f"{base}{path}"
    texts = []
    for lang in languages:
        with translation.override(lang):
            texts.append(letter_texts(round, url))
    _width, height = A4
    for code in codes:
        header = Writer(c, left=20 * mm, width=170 * mm)
        header.line(f"Gemeente Den Haag · Zuidwest · {round.title}", height - 15 * mm, size=9)
        _qr(
            c,
            f"{url}?{urlencode({'code': format_code(code)})}",
            150 * mm,
            height - 70 * mm,
            40 * mm,
        )
        y = height - 35 * mm
        for t in texts:
            y = _section(c, t, code, y)
        c.showPage()
    c.save()
    return buffer.getvalue()
