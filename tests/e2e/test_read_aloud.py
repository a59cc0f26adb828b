"""Issue 12, item 5: "Lees voor" reads the page aloud with the browser's own speech synthesis in
the page's language, shown only when the browser has a voice for it, usable with the keyboard.
Headless Chromium has no voices, so the test gives the page a speech synthesis that records what
it is asked to say (the page's script cannot tell the difference)."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FAKE_SPEECH = """
(() => {
  const voices = %s;
  window.__spoken = [];
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => voices,
    speak: (u) => {
      window.__spoken.push([u.text, u.lang]);
      setTimeout(() => u.onend && u.onend(), 0);
    },
    cancel: () => {},
    addEventListener: () => {},
  }});
})();
"""


@pytest.fixture
def reference_data(wijken):
    from common.loaders import load_afdelingen
    from demo.pages import load_page_tree
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    load_page_tree()


def test_a_form_step_is_read_aloud_in_the_pages_language(visitor, reference_data):
    page = visitor.page
    page.add_init_script(FAKE_SPEECH % '[{"lang": "tr-TR", "name": "Türkçe"}]')
    visitor.goto("/tr/melden/")
    button = page.locator("[data-read-aloud] button")
    button.wait_for(state="visible")
    assert "Sesli oku" in button.inner_text()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__spoken.length > 0")
    spoken = page.evaluate("window.__spoken")
    heading = page.locator("main h1").inner_text().strip()
    assert any(heading.split()[0] in text for text, _lang in spoken)
    assert {lang for _text, lang in spoken} == {"tr-TR"}
    # the header and the footer are not read, only the content
    assert not any("Nederlands" in text for text, _lang in spoken)
    visitor.check()


def test_no_voice_for_the_language_no_button(visitor, reference_data):
    page = visitor.page
    page.add_init_script(FAKE_SPEECH % '[{"lang": "en-GB", "name": "English"}]')
    visitor.goto("/ar/melden/")
    page.wait_for_timeout(300)
    assert page.locator("[data-read-aloud]").is_hidden()
    visitor.goto("/en/melden/")
    assert page.locator("[data-read-aloud]").is_visible()
