"""Every e-mail has one source: an HTML template that extends `notifications/base_email.html`.
It is rendered once; the subject is its <title> and the plain-text part is derived from the
rendered HTML here, so the two parts cannot say different things. Residents on a text-only
client get the same sentences, with every link written out as "text (url)"."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation

# Elements that stand on their own: a blank line before and after.
_BLOCKS = {"p", "div", "blockquote", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADINGS = {"h1": "=", "h2": "=", "h3": "-", "h4": "-", "h5": "-", "h6": "-"}
_SKIPPED = {"head", "style", "script"}
_RULE = "-" * 40


class _TextWriter(HTMLParser):
    """Writes what a reader of the HTML sees as text. Lines are not wrapped at a fixed width:
    a phone's mail app reflows long lines, and a hard break in the middle of a sentence or a
    link is what reads worst on a small screen."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.pending = 0  # line breaks owed before the next text: 1 a new line, 2 a blank line
        self.skipping = 0
        self.in_title = False
        self.title: list[str] = []
        self.quote_depth = 0
        self.list_depth = 0
        self.links: list[tuple[str, list[str]]] = []

    # What is written ------------------------------------------------------------------
    def _prefix(self) -> str:
        return "> " * self.quote_depth

    def _break(self, lines: int) -> None:
        if self.lines != [""]:
            self.pending = max(self.pending, lines)

    def _write(self, text: str) -> None:
        if self.pending:
            self.lines[-1] = self.lines[-1].rstrip()
            if self.pending == 2:  # a blank line, quoted only between quoted paragraphs
                inside = self.quote_depth and self.lines[-1].startswith(self._prefix())
                self.lines.append(self._prefix().rstrip() if inside else "")
            self.lines.append(self._prefix())
            self.pending = 0
        line = self.lines[-1]
        if line == self._prefix() or line.endswith(" "):
            text = text.lstrip()
        self.lines[-1] = line + text
        for _href, words in self.links:
            words.append(text)

    # The parser's callbacks -----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self.pending = 2 if self.pending else 1
        elif tag == "hr":
            self._break(2)
            self._write(_RULE)
            self._break(2)
        elif tag == "li":
            self._break(1)
            self._write("  " * (self.list_depth - 1) + "- ")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", []))
        elif tag in _BLOCKS:
            self._break(1 if tag in {"ul", "ol"} and self.list_depth else 2)
            if tag == "blockquote":
                self.quote_depth += 1
            elif tag in {"ul", "ol"}:
                self.list_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag == "a" and self.links:
            href, words = self.links.pop()
            text = " ".join("".join(words).split())
            if href and not href.startswith("#") and href.removeprefix("mailto:") not in text:
                self._write(f" ({href})" if text else href)
        elif tag in _BLOCKS:
            if tag == "blockquote":
                self.quote_depth = max(0, self.quote_depth - 1)
            elif tag in {"ul", "ol"}:
                self.list_depth = max(0, self.list_depth - 1)
            elif tag in _HEADINGS:
                width = len(self.lines[-1].strip())
                self._break(1)
                self._write(_HEADINGS[tag] * width)
            self._break(2)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            text = re.sub(r"\s+", " ", data)
            if text.strip() or not self.pending:
                self._write(text)

    def text(self) -> str:
        lines = [line.rstrip() for line in self.lines]
        return "\n".join(lines).strip() + "\n"


def html_to_text(html: str) -> tuple[str, str]:
    """The title and the plain text of an HTML document."""
    writer = _TextWriter()
    writer.feed(html)
    writer.close()
    return " ".join("".join(writer.title).split()), writer.text()


def _prefix_language(path: str) -> str:
    """The language whose prefix `path` carries ('/tr/meldingen/…' is Turkish), else Dutch."""
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}/" or path.startswith(f"/{code}/")):
            return code
    return settings.LANGUAGE_CODE


def mail_url(path: str, language: str | None = None) -> str:
    """The address a mail links to: the site's BASE_URL and `path` in the mail's language (the
    active one while a notification renders), so a resident who reported in Turkish lands on
    /tr/meldingen/volg/… whoever's request made the link. Paths outside the language patterns
    (/beheer/, /documenten/) and addresses elsewhere stay as they are."""
    if not path:
        return ""
    if urlsplit(path).scheme or path.startswith("//"):
        return path
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    source = _prefix_language(path)
    if language != source:
        with translation.override(source):
            path = translate_url(path, language)
    return settings.ZUIDWEST_BASE_URL.rstrip("/") + path


def render_mail(template_name: str, context: dict, request=None) -> tuple[str, str, str]:
    """Subject, plain text and HTML of one mail, from its one template."""
    html = render_to_string(template_name, context, request)
    subject, text = html_to_text(html)
    return subject, text, html
