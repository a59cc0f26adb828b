"""Keep secrets and addresses out of the logs. The access lines of every server we run pass
through one filter on the console handler (settings.LOGGING): runserver and Daphne's
runserver (`django.channels.server`), Uvicorn (`uvicorn.access`, `uvicorn.error` for
websockets), Django's own `django.server` and `django.request` (404s name the path).

A path is looked up in the URL map (HTTP, then websocket routes): what the route calls
`secret`, `token` or `key` is replaced by "…", and a line whose path carries such a secret or
names an input by its `reference` loses its client address, so nobody can read from the log
who looked at, or reported, what. A path the URL map does not know still loses anything shaped
like one of our secrets (`secrets.token_urlsafe(24)`)."""

import logging
import re

from django.urls import Resolver404, URLResolver, resolve
from django.urls.resolvers import RegexPattern
from django.utils import translation

SECRET_KWARGS = frozenset({"secret", "token", "key"})
NAMING_KWARGS = frozenset({"reference"})
HIDDEN = "…"
NO_CLIENT = "-"

# secrets.token_urlsafe(24): 32 characters, and (unlike a slug) with a capital or underscore.
_SECRET_SHAPE = re.compile(r"(?<=/)(?=[A-Za-z0-9_-]*[A-Z_])[A-Za-z0-9_-]{32}(?=/|$)")
_CLIENT = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[0-9.]+|[0-9a-fA-F:]+):\d+$")
_PATH_IN_TEXT = re.compile(r"/[^\s\"'\]\[]*")


def _is_client(value) -> bool:
    return isinstance(value, str) and bool(_CLIENT.match(value))


class RedactSecrets(logging.Filter):
    """`websocket_urlconf` names the module whose `websocket_urlpatterns` the ASGI router
    serves (config.routing)."""

    def __init__(self, name: str = "", websocket_urlconf: str = "") -> None:
        super().__init__(name)
        self.websocket_urlconf = websocket_urlconf
        self._ws_resolver: URLResolver | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._redact(record)
        except Exception:  # a log line must never break a request
            record.msg, record.args = "(log line hidden: it could not be checked)", None
        return True

    def _redact(self, record: logging.LogRecord) -> None:
        args = record.args
        if isinstance(args, dict):
            keys, values = list(args.keys()), list(args.values())
        elif isinstance(args, tuple):
            keys, values = None, list(args)
        else:
            keys, values = None, []
        sensitive = False
        for index, value in enumerate(values):
            if isinstance(value, str) and "/" in value:
                values[index], hit = self.clean_text(value)
                sensitive |= hit
        if isinstance(record.msg, str) and "/" in record.msg:
            record.msg, hit = self.clean_text(record.msg)
            sensitive |= hit
        if sensitive:
            values = [NO_CLIENT if _is_client(value) else value for value in values]
        if isinstance(args, dict):
            record.args = dict(zip(keys, values, strict=True))
        elif isinstance(args, tuple):
            record.args = tuple(values)

    def clean_text(self, text: str) -> tuple[str, bool]:
        """Every path in `text` cleaned; whether one of them was sensitive."""
        sensitive = False

        def clean(match: re.Match) -> str:
            nonlocal sensitive
            cleaned, hit = self.clean_path(match.group(0))
            sensitive |= hit
            return cleaned

        return _PATH_IN_TEXT.sub(clean, text), sensitive

    def clean_path(self, full_path: str) -> tuple[str, bool]:
        """The path without its secrets, and whether the line must lose its client address."""
        path, mark, query = full_path.partition("?")
        try:
            kwargs = self._kwargs(path) or {}
        except Exception:  # the URL map is not loaded yet (start-up): the shape rule still holds
            kwargs = {}
        secret_values = {str(kwargs[k]) for k in SECRET_KWARGS & kwargs.keys() if kwargs[k]}
        cleaned = path
        for value in sorted(secret_values, key=len, reverse=True):
            cleaned = cleaned.replace(value, HIDDEN)
        shaped = _SECRET_SHAPE.sub(HIDDEN, cleaned)
        sensitive = bool(secret_values) or shaped != cleaned or bool(NAMING_KWARGS & kwargs.keys())
        return shaped + mark + query, sensitive

    def _kwargs(self, path: str) -> dict | None:
        """The route's keyword arguments, or None when no route matches. Resolved in the
        language of the path's prefix (/en/…): i18n patterns only match in their language."""
        from django.conf import settings

        resolver = self._websocket_resolver()
        if resolver is not None and path.startswith("/ws/"):
            try:
                return resolver.resolve(path).kwargs
            except Resolver404:
                return None
        prefix = path.split("/")[1] if path.count("/") > 1 else ""
        codes = {code for code, _name in settings.LANGUAGES}
        with translation.override(prefix if prefix in codes else settings.LANGUAGE_CODE):
            try:
                return resolve(path).kwargs
            except Resolver404:
                return None

    def _websocket_resolver(self) -> URLResolver | None:
        if self._ws_resolver is None and self.websocket_urlconf:
            from importlib import import_module

            patterns = import_module(self.websocket_urlconf).websocket_urlpatterns
            self._ws_resolver = URLResolver(RegexPattern(r"^/"), patterns)
        return self._ws_resolver
