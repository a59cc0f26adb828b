"""End-to-end layer: Playwright for Python driving Debian's Chromium against pytest-django's live
server, with axe-core run on every page a test visits (WCAG 2.1 A and AA)."""

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CSP_PREFIX = "CSP violation:"
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " " +
    (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber);
});"""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STRICT_INCOMPLETE = {"color-contrast"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def browser():
    """A Chromium per test (about half a second). Not shared: Playwright's sync API keeps an
    event loop running while it is open, and Django's per-context database connections and
    other tests' async_to_sync calls must not meet it between tests."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when it can).")
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make frontend` (npm ci) first.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visitor:
    """A resident in the browser. Every page they land on is checked with axe."""

    def __init__(self, page, base_url: str, *, strict: bool = True):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []
        # Strict: axe's undecided contrast counts as a failure. Off only for staff pages inside
        # Wagtail's admin chrome, whose styling is Wagtail's; definite violations still fail.
        self.strict = strict
        # Our scripts are enhancements, but one that throws is a bug: collect uncaught errors
        # (only from our own pages and static files) and fail on them at the next check.
        self.script_errors: list[str] = []
        page.on("pageerror", lambda error: self.script_errors.append(str(error)))
        # A Content-Security-Policy violation is a bug too: something inline, or from a host the
        # policy does not name, that production browsers refuse. Chromium reports each one on
        # the console ("Refused to …"); the event reaches the console through CSP_LISTENER too.
        self.csp_violations: list[str] = []
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)

    def _console(self, message):
        text = message.text
        if "Content Security Policy" in text or text.startswith(CSP_PREFIX):
            self.csp_violations.append(f"{self.page.url}: {text}")

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()

    def follow(self, locator):
        with self.page.expect_navigation():
            locator.click()
        self.check()

    def check(self):
        """Run axe-core on the current page; fail on any WCAG 2.1 A/AA violation."""
        self.page.wait_for_load_state("load")
        # Evaluated through the DevTools protocol, which the page's CSP does not govern (a
        # <script> or <style> tag added to the page would be refused, as it should be).
        self.page.evaluate(AXE.read_text())
        # Judge the settled page, not a colour halfway through a fade-in.
        self.add_style(
            "*, *::before, *::after { transition: none !important; animation: none !important; }"
        )
        # Axe cannot judge contrast of text outside the viewport; show the whole page at the
        # same width while it looks, then return to the phone's height.
        viewport = self.page.viewport_size
        height = self.page.evaluate("document.documentElement.scrollHeight")
        self.page.set_viewport_size({"width": viewport["width"], "height": max(height, 400)})
        self.page.wait_for_timeout(300)  # let scripts that follow resizes (maps) settle
        try:
            result = self.page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
        finally:
            self.page.set_viewport_size(viewport)
        # axe cannot always decide contrast (text over an image, a gradient) and then reports it
        # as "incomplete"; on our own pages that is a finding too, not a pass.
        unsure = [v for v in result["incomplete"] if self.strict and v["id"] in STRICT_INCOMPLETE]
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [
                    {"target": n["target"], "why": [c["message"] for c in n["any"]][:2]}
                    for n in v["nodes"]
                ][:5],
            }
            for v in [*result["violations"], *unsure]
        ]
        self.checked.append(self.page.url)
        assert not violations, f"axe on {self.page.url}:\n{json.dumps(violations, indent=2)}"
        errors, self.script_errors = self.script_errors, []
        assert not errors, f"script errors on {self.page.url}: {errors}"
        violations, self.csp_violations = self.csp_violations, []
        assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)

    def add_style(self, css: str) -> None:
        """Style the current page from the test: a constructed stylesheet, which the page's CSP
        allows (a <style> tag it would refuse)."""
        self.page.evaluate(
            """css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
            css,
        )

    def lang(self) -> str:
        return self.page.locator("html").get_attribute("lang")


@pytest.fixture
def visitor(django_db_serialized_rollback, browser, live_server, settings, tmp_path, monkeypatch):
    """A fresh browser at phone width (360 px); mail goes to a folder, as with `make run`."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls a test makes
    # between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.EMAIL_BACKEND = "common.mail.FileAndConsoleBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Visitor(page, live_server.url)
    context.close()


@pytest.fixture
def mail_folder(settings):
    return Path(settings.EMAIL_FILE_PATH)


class AsgiServer:
    """Our real ASGI application (HTTP + websockets) on a free port, in a thread of the test
    process, so the in-memory test database and channel layer are shared with the test."""

    def __init__(self):
        import socket
        import threading

        import uvicorn

        from config.asgi import application

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            application, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.server.install_signal_handlers = lambda: None
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        import time

        for _ in range(100):
            if self.server.started:
                break
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture
def asgi_server(transactional_db, django_db_serialized_rollback, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    server = AsgiServer()
    yield server
    server.stop()


@pytest.fixture
def live_visitors(browser, asgi_server, settings, tmp_path, monkeypatch):
    """Several people, each in their own browser context, against the ASGI server (websockets
    work there). Call with a width: `resident = live_visitors(360)`."""
    settings.EMAIL_BACKEND = "common.mail.FileAndConsoleBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    contexts = []

    def make(width: int = 360, session_cookie: str | None = None, strict: bool = True) -> Visitor:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
        if session_cookie:
            context.add_cookies(
                [{"name": "sessionid", "value": session_cookie, "url": asgi_server.url}]
            )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return Visitor(page, asgi_server.url, strict=strict)

    yield make
    for context in contexts:
        context.close()


def session_for(user) -> str:
    """A logged-in session for `user`, as the cookie value a browser would hold."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def log_in(visitor: Visitor, user, *, forget_cookies: bool = False) -> None:
    """A session made on the server side, handed to the visitor's browser: login by code is
    tested in test_first_visit. `forget_cookies` first drops what the browser held (another
    voter's session on a shared browser)."""
    if forget_cookies:
        visitor.page.context.clear_cookies()
    visitor.page.context.add_cookies(
        [{"name": "sessionid", "value": session_for(user), "url": visitor.base_url}]
    )


@pytest.fixture
def staff_visitor(browser, live_server):
    """Staff at a desktop width. Staff pages sit in Wagtail's admin chrome, whose styling is
    Wagtail's: definite axe violations still fail, undecided contrast does not."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Visitor(page, live_server.url, strict=False)
    context.close()
