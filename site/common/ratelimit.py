"""Rate limits for anonymous writes, in the cache (Redis in production). The client's address
is only hashed into a short-lived cache key; it is never stored with what they wrote."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _key(identity: str, scope: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{identity}".encode()).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def client_key(request, scope: str) -> str:
    return _key(request.META.get("REMOTE_ADDR", ""), scope)


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
