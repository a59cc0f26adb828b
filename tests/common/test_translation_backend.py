"""The translators (common/translation/backends.py) against LibreTranslate's recorded answers:
what they send, what they make of every kind of answer, and which one the settings choose."""

import pytest

from common.translation.backends import (
    LibreTranslate,
    NoTranslator,
    TranslationError,
    get_translator,
)
from tests.common.translator import URL, serving


def test_off_unless_the_settings_ask_for_libretranslate_with_an_address(settings):
    settings.TRANSLATION_BACKEND = "none"
    assert isinstance(get_translator(), NoTranslator) and not get_translator().enabled
    settings.TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = ""
    assert not get_translator().enabled  # no address: off, not an error at every report
    settings.LIBRETRANSLATE_URL = URL
    translator = get_translator()
    assert isinstance(translator, LibreTranslate) and translator.enabled
    with pytest.raises(TranslationError):
        NoTranslator().translate("x", source="nl", target="tr")


def test_a_text_goes_out_as_the_api_wants_and_its_translation_comes_back(settings):
    with serving(settings) as server:
        translated = get_translator().translate(
            "Donderdag komt de monteur.", source="nl", target="tr"
        )
    assert translated == "Tamirci perşembe günü geliyor."
    assert server.sent == [
        {"q": "Donderdag komt de monteur.", "source": "nl", "target": "tr", "format": "text"}
    ]  # no api_key when none is set


def test_the_key_is_sent_when_set_and_a_refusal_is_an_error(settings):
    with (
        serving(settings, api_key="verkeerd") as server,
        pytest.raises(TranslationError, match="403: Invalid API key"),
    ):
        get_translator().translate("Sleutel fout", source="nl", target="tr")
    assert server.sent[0]["api_key"] == "verkeerd"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Server stuk", "500: Cannot translate text"),
        ("Proxy stuk", "502: no JSON"),
        ("Leeg antwoord", "no translatedText"),
        ("Niet opgenomen", "400: Invalid request"),
    ],
)
def test_every_bad_answer_is_an_error(settings, text, reason):
    with serving(settings), pytest.raises(TranslationError, match=reason):
        get_translator().translate(text, source="nl", target="tr")


@pytest.mark.parametrize(
    ("mode", "reason"), [("timeout", "ReadTimeout"), ("refused", "Connection")]
)
def test_a_slow_or_stopped_server_is_an_error(settings, mode, reason):
    with serving(settings, mode), pytest.raises(TranslationError, match=reason):
        get_translator().translate("Donderdag komt de monteur.", source="nl", target="tr")
