"""A4 letters with a vote code, as one PDF (reportlab for the page, segno for the QR code).

The codes exist in clear only while this PDF is made: the database keeps their hashes. Each
letter says in Dutch (and, when asked, in English) how to vote, until when, and whom to call for
help, with a QR code that opens the ballot page with the code filled in.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from common.money import format_euros

from .services.voting import format_code

TEXT = {
    "nl": {
        "title": "Stem mee over het wijkbudget",
        "intro": (
            "U mag meebeslissen waar {budget} voor {wijken} aan wordt besteed. Bewoners hebben "
            "plannen bedacht; de gemeente heeft gekeken of ze kunnen. Nu kiest u."
        ),
        "how": "Zo stemt u:",
        "steps": [
            "Scan de QR-code met uw telefoon, of ga naar {url}",
            "Vul uw stemcode in (als u de QR-code scant, staat die er al).",
            "Kies de plannen die u wilt en bevestig uw stem.",
        ],
        "code": "Uw stemcode",
        "note": (
            "Deze code is voor één stem. Niemand kan zien wat u stemt. U kunt uw stem veranderen "
            "tot het stemmen sluit; alleen uw laatste stem telt."
        ),
        "until": "Stemmen kan tot {date} om {time} uur.",
        "help": "Vragen, of hulp nodig bij het stemmen? Bel de participatiewinkel: {phone}.",
    },
    "en": {
        "title": "Vote on the neighbourhood budget",
        "intro": (
            "You can help decide how {budget} is spent in {wijken}. Residents proposed plans; "
            "the municipality checked that they are feasible. Now you choose."
        ),
        "how": "How to vote:",
        "steps": [
            "Scan the QR code with your phone, or go to {url}",
            "Enter your voting code (scanning the QR code fills it in).",
            "Choose the plans you want and confirm your vote.",
        ],
        "code": "Your voting code",
        "note": (
            "This code is for one vote. Nobody can see how you vote. You can change your vote "
            "until voting closes; only your last vote counts."
        ),
        "until": "You can vote until {date} at {time}.",
        "help": "Questions, or need help voting? Call the participation shop: {phone}.",
    },
}


def _wrap(c: canvas.Canvas, text: str, x: float, y: float, width: float, size: int = 11) -> float:
    """Draw `text` word-wrapped; return the y below it."""
    c.setFont("Helvetica", size)
    words, line = text.split(), ""
    for word in words:
        trial = f"{line} {word}".strip()
        if c.stringWidth(trial, "Helvetica", size) > width and line:
            c.drawString(x, y, line)
            y -= size * 1.4
            line = word
        else:
            line = trial
    if line:
        c.drawString(x, y, line)
        y -= size * 1.4
    return y


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


def practical_lines(round, lang: str) -> list[str]:
    """Until when one can vote (the planned end) and whom to call for help, in `lang`."""
    t = TEXT[lang]
    lines = []
    if round.voting_ends_at is not None:
        end = timezone.localtime(round.voting_ends_at)
        with translation.override(lang):
            day = date_format(end, "j F Y")
        lines.append(t["until"].format(date=day, time=end.strftime("%H:%M")))
    lines.append(t["help"].format(phone=settings.PARTICIPATIEWINKEL_PHONE))
    return lines


def _section(c, lang: str, round, url: str, code: str, y: float) -> float:
    t = TEXT[lang]
    left, width = 20 * mm, 120 * mm
    wijken = ", ".join(w.name for w in round.wijken.all())
    c.setFont("Helvetica-Bold", 15)
    c.drawString(left, y, t["title"])
    y -= 9 * mm
    y = _wrap(
        c, t["intro"].format(budget=format_euros(round.budget_cents), wijken=wijken), left, y, width
    )
    y -= 2 * mm
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left, y, t["how"])
    y -= 6 * mm
    for number, step in enumerate(t["steps"], start=1):
        y = _wrap(c, f"{number}. {step.format(url=url)}", left, y, width)
    y -= 2 * mm
    c.setFont("Helvetica", 11)
    c.drawString(left, y, t["code"] + ":")
    c.setFont("Courier-Bold", 18)
    c.drawString(left + 40 * mm, y, format_code(code))
    y -= 8 * mm
    for line in practical_lines(round, lang):
        y = _wrap(c, line, left, y, width)
    y -= 1 * mm
    return _wrap(c, t["note"], left, y, width, size=9) - 6 * mm


def letters_pdf(round, codes: list[str], languages: tuple[str, ...] = ("nl", "en")) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    c.setTitle(f"Stemcodes – {round.title}")
    base = settings.ZUIDWEST_BASE_URL.rstrip("/")
    with translation.override("nl"):
        path = reverse("participation:vote", args=[round.slug])
    url = f"{base}{path}"
    _width, height = A4
    for code in codes:
        c.setFont("Helvetica", 9)
        c.drawString(20 * mm, height - 15 * mm, f"Gemeente Den Haag · Zuidwest · {round.title}")
        _qr(
            c,
            f"{url}?{urlencode({'code': format_code(code)})}",
            150 * mm,
            height - 70 * mm,
            40 * mm,
        )
        y = height - 35 * mm
        for lang in languages:
            y = _section(c, lang, round, url, code, y)
        c.showPage()
    c.save()
    return buffer.getvalue()
