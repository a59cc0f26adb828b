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

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []

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
        self.page.add_script_tag(path=str(AXE))
        # Axe cannot judge contrast of text outside the viewport; show the whole page at the
        # same width while it looks, then return to the phone's height.
        viewport = self.page.viewport_size
        height = self.page.evaluate("document.documentElement.scrollHeight")
        self.page.set_viewport_size({"width": viewport["width"], "height": max(height, 400)})
        try:
            result = self.page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
        finally:
            self.page.set_viewport_size(viewport)
        # axe cannot always decide contrast (text over an image, a gradient) and then reports it
        # as "incomplete"; on our own pages that is a finding too, not a pass.
        unsure = [v for v in result["incomplete"] if v["id"] in STRICT_INCOMPLETE]
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in [*result["violations"], *unsure]
        ]
        self.checked.append(self.page.url)
        assert not violations, f"axe on {self.page.url}:\n{json.dumps(violations, indent=2)}"

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
