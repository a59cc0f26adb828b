"""Rate limits for anonymous writes, in the cache (Redis in production). The client's address
is only hashed into a short-lived cache key; it is never stored with what they wrote."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_key(request, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{address}".encode()).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def limited(request, scope: str, *, limit: int, period: int) -> bool:
    """Count this request; True when the client went over `limit` within `period` seconds."""
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=period):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period)
        return False
    return count > limit
