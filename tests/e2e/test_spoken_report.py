"""Issue 12, item 6: a resident speaks a report in a real Chromium (a fake microphone, as the
browser's own test switches give it), sends it without typing, and a handler of the report's
department then finds a playable <audio> on the report. axe runs on every page."""

import re

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Visitor, session_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A microphone that plays a tone, and a "yes" to the browser's question whether a page may use it.
FAKE_MICROPHONE = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture
def microphone_browser(monkeypatch):
    from pathlib import Path

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test and
    # its fixtures between browser steps are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it when it can).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *FAKE_MICROPHONE]
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from demo.pages import load_page_tree
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    load_page_tree()


def visitor_in(browser, live_server, *, width: int, strict: bool = True, user=None) -> Visitor:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-NL")
    if user is not None:
        context.add_cookies(
            [{"name": "sessionid", "value": session_for(user), "url": live_server.url}]
        )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return Visitor(page, live_server.url, strict=strict)


def test_a_spoken_report_is_heard_by_the_handler(
    microphone_browser, live_server, reference_data, user_factory
):
    from common.models import Afdeling
    from meldingen.models import Melding

    resident = visitor_in(microphone_browser, live_server, width=360)
    page = resident.page
    resident.goto("/melden/")
    page.get_by_label("Lantaarnpaal of straatlicht kapot").check()
    resident.follow(page.get_by_role("button", name="Verder"))
    page.get_by_label("Postcode").fill("2532 AB")
    page.get_by_label("Huisnummer (in de buurt)").fill("12")
    resident.follow(page.get_by_role("button", name="Verder"))
    resident.follow(page.get_by_role("button", name="Verder"))  # no photo

    # Record about two seconds with the keyboard: the buttons take focus as they swap.
    page.get_by_role("button", name="Opname starten").focus()
    page.keyboard.press("Enter")
    stop = page.get_by_role("button", name="Opname stoppen")
    stop.wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Opname stoppen"
    assert page.get_by_text("/ 2:00").is_visible()  # the timer and the limit
    page.wait_for_timeout(2200)
    page.keyboard.press("Enter")
    page.get_by_text("Uw opname is klaar.").wait_for()
    assert page.get_by_role("button", name="Opname weghalen").is_visible()
    assert page.evaluate("document.querySelector('input[name=recording]').files[0].type") == (
        "audio/wav"
    )
    resident.check()  # the recorder itself passes axe

    page.get_by_label("Uw e-mailadres").fill("melder@example.org")
    resident.follow(page.get_by_role("button", name="Verstuur melding"))
    reference = re.search(r"ZW-\d{4}-\d{5}", page.get_by_role("heading", level=1).inner_text())
    melding = Melding.objects.get(reference=reference.group(0))
    assert melding.description == ""
    assert 1.5 < melding.recording.seconds < 5

    handler_user = user_factory(
        role="behandelaar", afdeling=Afdeling.objects.get(slug="stadsbeheer-openbare-ruimte")
    )
    assert melding.afdeling == handler_user.afdeling
    handler = visitor_in(
        microphone_browser, live_server, width=1280, strict=False, user=handler_user
    )
    handler.goto(f"/beheer/meldingen/{melding.reference}/")
    audio = handler.page.locator("audio[controls]")
    audio.wait_for()
    # Playable: the browser reads the length from the permission-checked view.
    duration = handler.page.evaluate(
        """audio => new Promise((resolve, reject) => {
            if (audio.readyState >= 1) return resolve(audio.duration);
            audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
            audio.addEventListener("error", () => reject(new Error("not playable")));
            audio.load();
        })""",
        audio.element_handle(),
    )
    assert duration == pytest.approx(melding.recording.seconds, abs=0.1)
    handler.page.context.close()
    resident.page.context.close()
