"""A small, deterministic fuzzer for the public site: it walks the pages from a few starting
points, reads every form on them (and the query parameters of links), and sends each field
nasty values one at a time while the other fields keep ordinary values. It records every
response of 500 or more, and every refused POST that came back without the other values typed.

No randomness: the same list of values in the same order every run, so a failure is found again
by running the test again."""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit

from django.core import mail
from django.db import DatabaseError, transaction
from django.test import TestCase
from django.urls import Resolver404, resolve
from django.utils import timezone

# Right to left with an override, emoji with modifiers and joiners, stacked combining marks.
UNICODE = "مرحبا \u202eبالعالم\u202c 😀👍🏽👨‍👩‍👧🇳🇱 Z\u0351\u0352\u0489a\u0301\u0301\u0301l\u0338g"


def long_email(length: int) -> str:
    domain = "@example.org"
    return "a" * (length - len(domain)) + domain


TEXT_VALUES = ["", "x" * 300, "lang " * 1000, "a\x00b", UNICODE, "<script>alert(1)</script>"]
EMAIL_VALUES = [long_email(255), long_email(320), long_email(1000)]
NUMBER_VALUES = ["²", "١٢", "-1", "-99999999999999999999", "99999999999999999999999", "1e308"]
DATE_VALUES = ["9999-12-31", "0001-01-01", "9999-12", "2026-02-30"]
CHOICE_VALUES = ["\x00", "x" * 300, "²", "١", "-1", "99999999999999999999999"]
QUERY_VALUES = ["a\x00b", "x" * 300, UNICODE, "²", "١", "-1", "99999999999999999999999"]
QUERY_VALUES += ["9999-12", "9999-12-31", "0001-01-01"]

ERROR_MARKERS = ("utrecht-form-field-error-message", "utrecht-form-field--invalid", 'role="alert"')
NUMBER_NAMES = re.compile(r"punten|aantal|count|regels|kies|pagina|bedrag|amount|jaar|limit")
DATE_NAMES = re.compile(r"datum|date|maand|van$|tot$|dag")


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, email, tel, number, date, hidden, select, radio, checkbox, ...
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False


@dataclass
class Form:
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)
    # The button a person presses: (name, value, is the primary action). Only a named button
    # sends anything; without it a form with two buttons (check / cast) never moves on.
    buttons: list[tuple[str, str, bool]] = field(default_factory=list)

    def signature(self) -> tuple:
        return (route_of(self.action), self.method, tuple(sorted({f.name for f in self.fields})))

    def pressed(self) -> Field | None:
        named = sorted(
            (not primary, i, name, value)
            for i, (name, value, primary) in enumerate(self.buttons)
            if name
        )
        if not named:
            return None
        _, _, name, value = named[0]
        return Field(name, "submit", value)


class PageParser(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        elif tag == "form":
            action = urljoin(self.base, a.get("action") or self.base)
            self._form = Form(action=action, method=(a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "submit":
                self._button(a)
            if kind in {"submit", "button", "image", "reset"}:
                return
            self._form.fields.append(
                Field(a["name"], kind, a.get("value", ""), checked="checked" in a)
            )
        elif tag == "select":
            self._select = Field(a["name"], "select")
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._select.options.append(value)
            if "selected" in a:
                self._select.value = value
        elif tag == "textarea":
            self._textarea = Field(a["name"], "textarea")
            self._form.fields.append(self._textarea)
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            self._button(a)

    def _button(self, a: dict) -> None:
        primary = "primary-action" in a.get("class", "")
        self._form.buttons.append((a["name"], a.get("value", ""), primary))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def parse(url: str, content: str) -> PageParser:
    parser = PageParser(url)
    parser.feed(content)
    return parser


def route_of(url: str) -> str:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return "?"
    if match.url_name == "wagtail_serve":
        # Pages of one kind sit side by side: /participatiewinkel/methoden/<method>/.
        parts = urlsplit(url).path.strip("/").split("/")
        return "wagtail:/" + "/".join(parts[:2] + ["*"] * (len(parts) > 2))
    return match.view_name


def good_value(f: Field, goods: dict[str, str]) -> str | None:
    """An ordinary value for a field; None leaves it out (an unticked box)."""
    for pattern, value in goods.items():
        if re.search(pattern, f.name):
            return value
    if f.kind == "checkbox":
        return f.value or "on"
    if f.kind == "select":
        return f.value or next((o for o in f.options if o), "")
    if f.kind in {"radio", "submit"}:
        return f.value
    if f.value.strip():  # a textarea's template leaves a line break in it
        return f.value
    today = timezone.localdate()
    return {
        "email": "fuzz@example.org",
        "tel": "0612345678",
        "number": "1",
        "date": (today + timezone.timedelta(days=7)).isoformat(),
        "time": "10:00",
        "month": today.strftime("%Y-%m"),
        "textarea": f"Gewone tekst voor {f.name}",
        "hidden": "",
    }.get(f.kind, f"Waarde {f.name}")


def nasty_values(f: Field) -> list[str]:
    if f.kind in {"select", "radio", "checkbox", "submit"}:
        return CHOICE_VALUES
    values = list(TEXT_VALUES)
    if f.kind == "email" or "email" in f.name:
        values += EMAIL_VALUES
    if f.kind in {"number", "hidden"} or NUMBER_NAMES.search(f.name):
        values += NUMBER_VALUES
    if f.kind in {"date", "month", "hidden", "datetime-local"} or DATE_NAMES.search(f.name):
        values += DATE_VALUES
    return values


SEARCH = 5  # pages of one route read while looking for one with a form
TEXT_KINDS = {"text", "textarea", "email", "tel", "search", "url", "number", "date"}


@dataclass
class Fuzzer:
    client: object
    goods: dict[str, str]
    skip: re.Pattern
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    routes: set[str] = field(default_factory=set)
    who: str = "anonymous"  # forms are fuzzed once per visitor: the views differ per visitor
    _done: set = field(default_factory=set)
    _pages: dict[str, int] = field(default_factory=dict)
    _mails: int = 0
    # How the walk got to a step of a wizard: the ordinary submissions of the steps before it.
    _trails: dict[str, list] = field(default_factory=dict)
    timing: dict[str, list] = field(default_factory=dict)

    def __post_init__(self):
        self.client.raise_request_exception = False  # a server error is counted, not raised

    def send(self, method: str, url: str, data=None):
        """One request in a savepoint: a database error inside the view (a 500) must not leave
        the test's transaction unusable for the requests after it."""
        self.requests += 1
        n = self.requests
        extra = {"REMOTE_ADDR": f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"}
        response = None
        started = time.perf_counter()
        try:
            # The mails go out after the commit, as they would outside a test: the walk
            # follows their links (a confirmation, a sign-up to manage).
            with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
                response = getattr(self.client, method)(url, data or {}, **extra)
        except DatabaseError:
            pass  # the 500 response is already there; the savepoint is rolled back
        spent = self.timing.setdefault(route_of(url), [0, 0.0])
        spent[0] += 1
        spent[1] += time.perf_counter() - started
        if response is None or response.status_code >= 500:
            shown = {k: (v[:40] + "…" if len(v) > 40 else v) for k, v in (data or {}).items()}
            self.errors.append(f"{method.upper()} {url[:120]} {shown!r}")
        return response

    def crawl(self, starts: list[str], *, who: str = "anonymous", per_route: int = 1) -> None:
        """Walk from the starts. A route's page is read once per visitor (per_route); a page
        with no form does not use up its route, up to SEARCH pages more: the first activity
        or initiative reached may be one that is closed for sign-up."""
        self.who, self._pages, self._trails = who, {}, {}
        self._mails = len(mail.outbox)
        queue = list(starts)
        seen: set[str] = set()
        while queue:
            queue[:0] = self._mail_links()
            url = queue.pop(0)
            trail = self._trails.get(url, [])
            path = urlsplit(url).path
            if url in seen or self.skip.search(path):
                continue
            seen.add(url)
            route = route_of(url)
            if route == "?" or self._pages.get(route, 0) >= per_route:
                continue
            response = self.send("get", url)
            if response is None:
                continue
            if response.status_code in {301, 302}:
                queue.insert(0, urljoin(url, response["Location"]))
                self._trails.setdefault(queue[0], trail)
                continue
            self.routes.add(route.split(":/")[0].replace("wagtail", "wagtail_serve"))
            self._path_segments(url)
            if "text/html" not in response.get("Content-Type", ""):
                self._pages[route] = per_route
                continue
            page = parse(url, response.content.decode())
            self._query_params(page.links)
            misses = self._pages.get(f"{route} without form", 0)
            if page.forms or misses >= SEARCH:
                self._pages[route] = self._pages.get(route, 0) + 1
            else:
                self._pages[f"{route} without form"] = misses + 1
            for form in page.forms:
                queue[:0] = self.fuzz_form(form, trail)
            queue += [link.split("#")[0] for link in page.links if self._internal(link)]

    def _mail_links(self) -> list[str]:
        """The links in the mails sent since the last look: the confirmation link, the secret
        link to follow a report or to manage a sign-up. A visitor opens them, so the walk does."""
        links = []
        for message in mail.outbox[self._mails :]:
            bodies = [message.body, *(body for body, _ in getattr(message, "alternatives", []))]
            for body in bodies:
                for link in re.findall(r"https?://[^\s\"'<>)]+", str(body)):
                    parts = urlsplit(html.unescape(link))
                    path = parts.path + (f"?{parts.query}" if parts.query else "")
                    if route_of(path) != "?" and self._internal(path) and path not in links:
                        links.append(path)
        self._mails = len(mail.outbox)
        return links

    def _path_segments(self, url: str) -> None:
        """The text parts of the path itself (a token, a reference, a secret), once per route."""
        path = urlsplit(url).path
        try:
            match = resolve(path)
        except Resolver404:
            return
        for name, value in match.kwargs.items():
            key = ("path", match.view_name, name)
            if not isinstance(value, str) or f"<slug:{name}>" in match.route or key in self._done:
                continue
            self._done.add(key)
            for nasty in QUERY_VALUES:
                self.send("get", path.replace(f"/{value}/", f"/{quote(nasty, safe='')}/", 1))

    def _internal(self, link: str) -> bool:
        parts = urlsplit(link)
        return parts.netloc in {"", "testserver"} and not self.skip.search(parts.path)

    def _query_params(self, links: list[str]) -> None:
        """Parameters that pages put in their own links (?maand=…, ?pagina=…, ?bron=…)."""
        for link in links:
            parts = urlsplit(link)
            if not parts.query or not self._internal(link):
                continue
            params = dict(parse_qsl(parts.query, keep_blank_values=True))
            for name in params:
                key = ("query", route_of(link), name)
                if key in self._done:
                    continue
                self._done.add(key)
                for value in QUERY_VALUES:
                    self.send("get", f"{parts.path}?{urlencode({**params, name: value})}")

    def fuzz_form(self, form: Form, trail: list | None = None) -> list[str]:
        """Fuzz each field of a form once per kind of form; returns where an ordinary
        submission led (the next step of a wizard), to be walked next."""
        signature = (self.who, *form.signature())
        if self.skip.search(urlsplit(form.action).path) or signature in self._done:
            return []
        self._done.add(signature)
        self.routes.add(route_of(form.action).split(":/")[0].replace("wagtail", "wagtail_serve"))
        fields = [f for f in form.fields if f.name != "csrfmiddlewaretoken"]
        if trail:
            self._replay(trail)  # another form on the page may have ended the wizard
        if (button := form.pressed()) and button.name not in {f.name for f in fields}:
            fields.append(button)
        goods: dict[str, str] = {}
        for f in fields:
            value = good_value(f, self.goods)
            if value is not None and f.kind != "file" and f.name not in goods:
                goods[f.name] = value
        typed = {
            f.name: goods[f.name]
            for f in fields
            if f.kind in TEXT_KINDS and goods.get(f.name) and f.name in goods
        }
        for f in {f.name: f for f in fields if f.kind not in {"file", "password"}}.values():
            for value in nasty_values(f):
                data = {**goods, f.name: value}
                response = self.send(form.method, form.action, data)
                if form.method == "post" and response is not None:
                    self._check_kept(form, response, typed, f.name)
                if trail and (response is None or response.status_code in {301, 302}):
                    self._replay(trail)  # accepted: the wizard ended; walk it again
        response = self.send(form.method, form.action, goods)
        if response is None:
            return []
        here = [*(trail or []), (form.method, form.action, goods)]
        if response.status_code in {301, 302}:
            following = urljoin(form.action, response["Location"])
            self._trails.setdefault(following, here)
            return [following]
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            # The next step shown in place (a ballot's check page): fuzz its forms now, while
            # the session holds what the ordinary submission put there.
            following = []
            for step in parse(form.action, response.content.decode()).forms:
                following += self.fuzz_form(step, here)
            return following
        return []

    def _replay(self, trail: list) -> None:
        for method, url, data in trail:
            self.send(method, url, data)

    def _check_kept(self, form: Form, response, typed: dict, fuzzed: str) -> None:
        if response.status_code != 200:
            return
        content = response.content.decode()
        if not any(marker in content for marker in ERROR_MARKERS):
            return
        again = [
            f
            for page_form in parse(form.action, content).forms
            if page_form.signature() == form.signature()
            for f in page_form.fields
        ]
        if not again:
            return
        shown = {f.name: html.unescape(f.value).strip() for f in again}
        for name, value in typed.items():
            if name != fuzzed and name in shown and shown[name] != value.strip():
                self.lost.append(f"POST {form.action} with {fuzzed}=…: {name} came back empty")
