"""The translators: a base class, "none" (off) and LibreTranslate's HTTP API. A backend turns
one text from one language into another or raises TranslationError; it never retries, logs
or stores (services.py does)."""

import requests
from django.conf import settings


class TranslationError(Exception):
    """The translator did not give a usable answer (down, slow, refused, nonsense)."""


class Translator:
    name = "base"
    enabled = True

    def translate(self, text: str, *, source: str, target: str) -> str:
        raise NotImplementedError


class NoTranslator(Translator):
    """Machine translation is off: nothing is ever sent anywhere."""

    name = "none"
    enabled = False

    def translate(self, text: str, *, source: str, target: str) -> str:
        raise TranslationError("machine translation is off")


class LibreTranslate(Translator):
    """POST {url}/translate with {"q", "source", "target", "format": "text", "api_key"}; the
    answer is {"translatedText": "…"}, an error {"error": "…"} with a 4xx or 5xx status."""

    name = "libretranslate"

    def __init__(self, *, url: str, api_key: str = "", timeout: float = 3) -> None:
        if not url:
            raise TranslationError("LIBRETRANSLATE_URL is not set")
        self.url = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, text: str, *, source: str, target: str) -> str:
        payload = {"q": text, "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        try:
            response = requests.post(self.url, json=payload, timeout=self.timeout)
        except requests.RequestException as error:
            raise TranslationError(f"{type(error).__name__}: {error}") from error
        try:
            body = response.json()
        except ValueError as error:
            raise TranslationError(f"HTTP {response.status_code}: no JSON") from error
        if response.status_code != 200:
            reason = body.get("error", "") if isinstance(body, dict) else ""
            raise TranslationError(f"HTTP {response.status_code}: {reason}"[:300])
        translated = body.get("translatedText") if isinstance(body, dict) else None
        if not isinstance(translated, str) or not translated.strip():
            raise TranslationError("the answer has no translatedText")
        return translated


def get_translator() -> Translator:
    """The backend the settings ask for; an unknown name or a missing URL is off."""
    if settings.TRANSLATION_BACKEND == "libretranslate" and settings.LIBRETRANSLATE_URL:
        return LibreTranslate(
            url=settings.LIBRETRANSLATE_URL,
            api_key=settings.LIBRETRANSLATE_API_KEY or "",
            timeout=settings.TRANSLATION_TIMEOUT,
        )
    return NoTranslator()
