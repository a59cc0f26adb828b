"""Public pages from the cache (issue 13, item 3): an anonymous visitor's GET of a public page is
answered from the cache backend (Redis in production), per language and per address, and every
change that a public page can show makes all cached pages old at once.

- What is cached: the views named in `PAGE_CACHE_VIEWS` (namespace:name, `namespace:*`, or a
  bare name such as Wagtail's `wagtail_serve`), answered 200 to a visitor who sends no session
  cookie — whoever is logged in, or is halfway through a form, has a session and always gets a
  fresh page. (A view may still look at the session or the user of such a visitor: without a
  session cookie that is the same empty session and the same anonymous user for everyone.) A
  response that put a CSRF token in a form, sets a cookie or says `private`/`no-store` is never
  stored: it belongs to one visitor.
- When it goes: one generation number for the whole site. A write to a model of the platform's
  apps (a status change, a new ledger entry, a counted ballot, a published page…) moves it on, at
  once and again after the commit; a page is stored under the generation that was current when
  its rendering began, so a page rendered from data that changed meanwhile is never served as
  new. One number for every page means a page never shows a stale figure beside a fresh one, and
  two pages never disagree. What changes with time alone (a deadline passing at midnight) is at
  most `PAGE_CACHE_SECONDS` old.
- `PAGE_CACHE_SECONDS=0` turns it off; it is off by default without Redis (the embedded
  in-memory cache is one per process, and a background worker could not tell the web process).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

GENERATION_KEY = "pagecache:generation"
# The apps whose data public pages show; sessions, task results, search indexes, login codes and
# Wagtail's editing sessions change all the time and are shown nowhere.
WATCHED_APPS = frozenset(
    {
        "meldingen",
        "initiatives",
        "participation",
        "processes",
        "agenda",
        "shop",
        "common",
        "ledger",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
    }
)
HEADERS_NOT_KEPT = frozenset({"set-cookie", "date"})


def seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def generation() -> int:
    return cache.get(GENERATION_KEY) or 0


def bump() -> None:
    """Every cached page is old from now on."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no number yet (or the cache was emptied)
        cache.add(GENERATION_KEY, 1, timeout=None) or cache.incr(GENERATION_KEY)


def model_changed(sender, **kwargs) -> None:
    if not seconds() or sender._meta.app_label not in WATCHED_APPS:
        return
    bump()
    transaction.on_commit(bump)


def _page_key(request: HttpRequest) -> str:
    address = f"{request.LANGUAGE_CODE}|{request.get_host()}|{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _cacheable_view(request: HttpRequest) -> bool:
    match = request.resolver_match
    if match is None:
        return False
    names = settings.PAGE_CACHE_VIEWS
    return (
        match.view_name in names
        or f"{match.namespace}:*" in names
        or (match.url_name in names and not match.namespace)
    )


def _private(request: HttpRequest, response: HttpResponse) -> bool:
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    control = response.get("Cache-Control", "").lower()
    return (
        bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))  # a form with this visitor's token
        or "*" in vary
        or bool(response.cookies)
        or "private" in control
        or "no-store" in control
        or "no-cache" in control
    )


class PublicPageCacheMiddleware:
    """After LocaleMiddleware (the language is known) and before everything that reads the
    session or the user: a hit costs one round trip to the cache and nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if (
            not seconds()
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)

        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY) or 0
        stored = found.get(key)
        if stored and stored[0] == current:
            _, status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.streaming
            and _cacheable_view(request)
            and not _private(request, response)
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in HEADERS_NOT_KEPT
            ]
            cache.set(key, (current, 200, headers, response.content), seconds())
            response["X-Page-Cache"] = "miss"
        return response
