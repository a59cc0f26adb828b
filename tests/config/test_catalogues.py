"""Every language speaks every text: the catalogues of the five languages beside Dutch are
complete (nothing untranslated, nothing fuzzy), keep the placeholders of the Dutch, have the
language's own plural forms, are compiled, and hold every text the code has today (makemessages
into a copy finds nothing new)."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLURAL_FORMS = {"en": 2, "tr": 2, "ar": 6, "pl": 4, "bg": 2}
PLACEHOLDER = re.compile(r"%\([a-zA-Z0-9_]+\)[sdif]|\{[a-zA-Z0-9_]*\}|</?[a-zA-Z][^>]*>")
DOMAINS = ["django", "djangojs"]
IGNORE = [".venv/*", "node_modules/*", "var/*", "static/vendor/*", "tests/*"]


def entries(path: Path):
    """(msgid, msgid_plural, [msgstr…], fuzzy) of a .po file, read with msgcat's help-free
    parser: good enough for files that msgfmt accepts."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, str] = {}
        current = None
        for line in lines:
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            yield fields["msgid"], fields.get("msgid_plural"), strs, fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_is_complete_and_keeps_placeholders(language, domain):
    path = LOCALE / language / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"{path} is missing"
    problems = []
    count = 0
    for msgid, plural, strs, fuzzy in entries(path):
        count += 1
        if fuzzy:
            problems.append(f"fuzzy: {msgid[:60]}")
        if not all(s.strip() for s in strs):
            problems.append(f"untranslated: {msgid[:60]}")
            continue
        if plural:
            if len(strs) != PLURAL_FORMS[language]:
                problems.append(f"{len(strs)} plural forms: {msgid[:60]}")
            allowed = set(PLACEHOLDER.findall(msgid)) | set(PLACEHOLDER.findall(plural))
            for s in strs:
                if not set(PLACEHOLDER.findall(s)) <= allowed:
                    problems.append(f"placeholder not in the source: {msgid[:60]}")
        elif sorted(PLACEHOLDER.findall(strs[0])) != sorted(PLACEHOLDER.findall(msgid)):
            problems.append(f"placeholders differ: {msgid[:60]} → {strs[0][:60]}")
    assert count > (5 if domain == "djangojs" else 1000)
    assert not problems, "\n".join(problems[:30])
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_the_source(language, domain):
    """The committed .mo (a fresh clone needs no gettext) says what the .po says."""
    folder = LOCALE / language / "LC_MESSAGES"
    with open(folder / f"{domain}.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for msgid, plural, strs, _fuzzy in entries(folder / f"{domain}.po"):
        msgid = msgid.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if plural:
            continue
        assert compiled.gettext(msgid) != msgid or strs[0] == msgid.replace("\n", "\\n"), (
            f"{language}/{domain}.mo is older than its .po (run manage.py compilemessages): "
            f"{msgid[:60]}"
        )


def test_every_text_of_the_code_is_in_the_catalogues(tmp_path):
    """makemessages in a copy of the tree adds nothing: every text the code marks for
    translation is in the catalogues already (and translated, by the test above). A copy,
    because makemessages writes into the locale folder above the files it reads."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "tree"
    skip = {".venv", "node_modules", "var", ".git", "tests", "vendor", "staticfiles", "media"}
    shutil.copytree(root, copy, ignore=lambda _dir, names: [n for n in names if n in skip])
    for domain in DOMAINS:
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "makemessages",
                "-l",
                "en",
                "-d",
                domain,
                "--no-obsolete",
                *(arg for pattern in IGNORE for arg in ("-i", pattern)),
            ],
            cwd=copy,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    for domain in DOMAINS:
        ours = {m for m, *_ in entries(LOCALE / "en" / "LC_MESSAGES" / f"{domain}.po")}
        fresh = {m for m, *_ in entries(copy / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po")}
        assert not fresh - ours, f"new texts not in the catalogue: {sorted(fresh - ours)[:20]}"
