"""Rate limits for anonymous writes, in the cache (Redis in production). The client's address
is only hashed into a short-lived cache key; it is never stored with what they wrote."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .clientip import client_network


def _key(identity: str, scope: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{identity}".encode()).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def client_key(request, scope: str) -> str:
    return _key(client_network(request), scope)


def limited(request, scope: str, *, limit: int, period: int) -> bool:
    """Count this request; True when the client went over `limit` within `period` seconds."""
    return _count(client_key(request, scope), limit=limit, period=period)


def limited_key(identity: str, scope: str, *, limit: int, period: int) -> bool:
    """The same for something other than the client, e.g. an email address that our forms
    would mail: whoever sends the requests, that address gets at most `limit` per `period`."""
    return _count(_key(identity, scope), limit=limit, period=period)


def _count(key: str, *, limit: int, period: int) -> bool:
    if cache.add(key, 1, timeout=period):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period)
        return False
    return count > limit


# One budget for every public upload form (report photos, feedback photos, initiative photos
# and PDFs, budget plans): decoding photos is the most expensive thing a visitor can make a
# worker do. 20 sends with files in 10 minutes is far above what a person needs (three photos
# per report step, five per initiative), and low enough that one address cannot keep a worker
# busy. Only requests that carry a file count.
UPLOAD_LIMIT = (20, 10 * 60)
UPLOAD_REFUSED = _(
    "U heeft in korte tijd veel foto's of bestanden gestuurd. Wacht 10 minuten en stuur ze dan "
    "opnieuw. De rest van wat u invulde, staat er nog."
)


def upload_limited(request) -> bool:
    """Count a request that sends files; True when the client sent too many lately. The caller
    then binds its form without the files (so nothing is decoded), adds UPLOAD_REFUSED and
    answers with status 429."""
    if request.method != "POST" or not request.FILES:
        return False
    return limited(request, "upload", limit=UPLOAD_LIMIT[0], period=UPLOAD_LIMIT[1])
