"""Text on PDF pages (reportlab) in every site language. The fonts are embedded and ship with
the code (common/fonts/, SIL Open Font License): Noto Sans for Latin and Cyrillic script, Noto
Sans Arabic for Arabic. Arabic is shaped first (arabic-reshaper: each letter in the form for its
place in the word) and then put in the order the eye reads it (python-bidi), line by line, so a
URL, a code or a phone number inside it stays left to right. Right-to-left paragraphs are
aligned right.

`Writer(canvas, left, width, rtl)` draws lines and word-wrapped paragraphs in one column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from bidi.mirror import MIRRORED
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).resolve().parent / "fonts"

# (regular, bold) font names, and their files in FONT_DIR.
LATIN = ("NotoSans", "NotoSans-Bold")
ARABIC = ("NotoSansArabic", "NotoSansArabic-Bold")
FILES = {
    "NotoSans": "NotoSans-Regular.ttf",
    "NotoSans-Bold": "NotoSans-Bold.ttf",
    "NotoSansArabic": "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold": "NotoSansArabic-Bold.ttf",
}

_ARABIC_CHAR = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LEVEL = re.compile(r"Level\(\s*(\d+)")
# Direction marks steer the reordering and are not drawn.
_BIDI_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def register_fonts() -> None:
    """Make the Noto fonts known to reportlab (once per process)."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, file in FILES.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


def font_for(char: str, bold: bool = False) -> str:
    """The font that draws `char`: Noto Sans Arabic for Arabic letters, Noto Sans for the rest."""
    return (ARABIC if _ARABIC_CHAR.match(char) else LATIN)[bold]


def ltr(text: str) -> str:
    """`text` kept left to right as one piece inside a right-to-left line (an address, a phone
    number): isolated, its spaces non-breaking."""
    return "\u2066" + text.replace(" ", "\u00a0") + "\u2069"


def _levels(text: str, base_dir: str) -> list[int]:
    """The embedding level of each character by the Unicode bidi algorithm (python-bidi, which
    resolves isolates and bracket pairs; it reports them in its debug form, per UTF-8 byte)."""
    info = get_display(text, base_dir=base_dir, debug=True)
    block = info[info.index("levels: [") : info.index("paragraphs:")]
    per_byte = [int(level) for level in _LEVEL.findall(block)]
    levels, offset = [], 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode())
    return levels


@lru_cache(maxsize=4096)
def visual(text: str, rtl: bool = False) -> str:
    """One line as drawn from left to right: Arabic shaped (each letter in the form for its
    place in the word), put in display order (rule L2) with brackets mirrored where they are
    right to left (L4); direction marks left out."""
    if not (rtl or _ARABIC_CHAR.search(text)):
        return _BIDI_MARKS.sub("", text)
    chars = list(arabic_reshaper.reshape(text))
    levels = _levels("".join(chars), "R" if rtl else "L")
    chars = [MIRRORED.get(c, c) if level % 2 else c for c, level in zip(chars, levels, strict=True)]
    order = list(range(len(chars)))
    lowest_odd = min((level for level in levels if level % 2), default=max(levels) + 1)
    for level in range(max(levels), lowest_odd - 1, -1):
        start = None
        for i in range(len(order) + 1):
            inside = i < len(order) and levels[order[i]] >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                order[start:i] = reversed(order[start:i])
                start = None
    return _BIDI_MARKS.sub("", "".join(chars[i] for i in order))


@lru_cache(maxsize=4096)
def runs(drawn: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """Split a visual line into (font, text) pieces; a space stays with the piece it is in."""
    pieces: list[tuple[str, str]] = []
    for char in drawn:
        font = pieces[-1][0] if (char == " " and pieces) else font_for(char, bold)
        if pieces and pieces[-1][0] == font:
            pieces[-1] = (font, pieces[-1][1] + char)
        else:
            pieces.append((font, char))
    return tuple(pieces)


@lru_cache(maxsize=4096)
def _width(text: str, size: float, bold: bool, rtl: bool) -> float:
    return sum(pdfmetrics.stringWidth(p, f, size) for f, p in runs(visual(text, rtl), bold))


@dataclass
class Writer:
    canvas: Canvas
    left: float
    width: float
    rtl: bool = False

    def __post_init__(self) -> None:
        register_fonts()

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        return _width(text, size, bold, self.rtl)

    def line(
        self, text: str, y: float, size: float = 11, bold: bool = False, indent: float = 0
    ) -> None:
        """One line, `indent` in from the start side (left, or right when right to left)."""
        pieces = runs(visual(text, self.rtl), bold)
        total = _width(text, size, bold, self.rtl)
        x = self.left + self.width - indent - total if self.rtl else self.left + indent
        for font, piece in pieces:
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, y, piece)
            x += pdfmetrics.stringWidth(piece, font, size)

    def wrap(self, text: str, size: float = 11, bold: bool = False) -> list[str]:
        """Lines of at most the column's width, broken at ordinary spaces (a non-breaking space,
        as inside '1 250,50 €', keeps its neighbours together)."""
        lines, current = [], ""
        for word in text.split(" "):
            if not word:
                continue
            trial = f"{current} {word}" if current else word
            if current and self.measure(trial, size, bold) > self.width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        return lines

    def paragraph(
        self, text: str, y: float, size: float = 11, bold: bool = False, leading: float = 1.4
    ) -> float:
        """Draw `text` word-wrapped from `y` down; return the y below it."""
        for line in self.wrap(text, size, bold):
            self.line(line, y, size, bold)
            y -= size * leading
        return y
