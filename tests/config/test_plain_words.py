"""Plain Dutch (B1) for residents: a resident-facing text of the catalogue may not use a word of
the jargon list of docs/glossary.md, nor have a sentence of more than 15 words. Texts that still
do are listed in tests/config/b1_known.txt: a new one fails here, and so does a listed one that
was fixed (take it off the list). Staff screens (the back office) may use the trade's words."""

import re
from pathlib import Path

from django.conf import settings

HERE = Path(__file__).resolve().parent
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
KNOWN = HERE / "b1_known.txt"
JARGON = [
    "initiatiefnemer",
    "initiatiefnemers",
    "mede-initiatiefnemer",
    "makelaar",
    "initiatievenmakelaar",
    "inbreng",
    "intrekken",
    "stembiljet",
]
MAX_WORDS = 15
# Where only staff read the text: the back office, the admin, management commands.
STAFF = re.compile(
    r"(^|/)(staff|backoffice|workspace|management|wagtail_hooks\.py|admin|migrations|desk)(/|\.py|$)"
    r"|templates/.*/(backoffice|workspace|staff|desk)/|rules\.py|policies\.py|rights\.py|roles\.py"
)
WORD = re.compile(r"\b(" + "|".join(re.escape(w) for w in JARGON) + r")\b", re.IGNORECASE)


def resident_texts() -> dict[str, list[str]]:
    """msgid → where it is used, for the texts used somewhere outside the staff screens."""
    texts: dict[str, list[str]] = {}
    for block in CATALOGUE.read_text(encoding="utf-8").split("\n\n"):
        places = []
        msgid = None
        for line in block.splitlines():
            if line.startswith("#: "):
                places += [p.rsplit(":", 1)[0] for p in line[3:].split()]
            match = re.match(r'^msgid "(.*)"$', line)
            if match:
                msgid = match.group(1)
            elif msgid is not None and line.startswith('"') and not line.startswith('""'):
                msgid += line[1:-1]
            elif line.startswith(("msgstr", "msgid_plural")) and msgid is not None:
                break
        if msgid and any(not STAFF.search(place) for place in places):
            texts[msgid] = places
    return texts


def problems(text: str) -> list[str]:
    found = []
    plain = re.sub(r"<[^>]+>|%\([a-z_]+\)[sd]|\{[a-z_]*\}", "x", text)
    jargon = WORD.findall(plain)
    if jargon:
        found.append("jargon: " + ", ".join(sorted({w.lower() for w in jargon})))
    for sentence in re.split(r"(?<=[.!?:;])\s+", plain):
        if len(sentence.split()) > MAX_WORDS:
            found.append(f"{len(sentence.split())} words in one sentence")
    return found


def known() -> set[str]:
    lines = KNOWN.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def test_the_checker_flags_jargon_and_long_sentences():
    assert problems("De initiatiefnemer krijgt een mail.") == ["jargon: initiatiefnemer"]
    assert problems("Uw idee is binnen. We kijken of het kan.") == []
    long = " ".join(["woord"] * 16) + "."
    assert problems(long) == ["16 words in one sentence"]
    assert problems("Kort. " + long) == ["16 words in one sentence"]


def test_no_new_resident_text_with_jargon_or_long_sentences():
    flagged = {text for text in resident_texts() if problems(text)}
    new = sorted(flagged - known())
    assert not new, "Write these in plain words (docs/glossary.md):\n" + "\n".join(
        f"- {text[:120]} ({'; '.join(problems(text))})" for text in new
    )


def test_the_list_of_known_texts_only_shrinks():
    fixed = sorted(known() - {text for text in resident_texts() if problems(text)})
    assert not fixed, "Fixed or gone; take these off tests/config/b1_known.txt:\n" + "\n".join(
        fixed[:20]
    )
