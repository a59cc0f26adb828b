"""The one answer to "which address is this visitor?", for every rate limit (ours and
allauth's, through accounts.adapter).

Behind reverse proxies REMOTE_ADDR is the nearest proxy's address. Each proxy we run appends the
address it received the request from to X-Forwarded-For (nginx: $proxy_add_x_forwarded_for), so
with TRUSTED_PROXY_COUNT proxies of our own the visitor is the N-th address from the right;
anything to the left of it was written by the visitor and is not believed. With no trusted proxy
(the default) the header is ignored. The address is only hashed into short-lived rate-limit keys;
it is never stored with what anybody wrote."""

import ipaddress

from django.conf import settings

IPV6_PREFIX = 64  # one household's network, like allauth's RATE_LIMIT_IPV6_PREFIX


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The visitor's address, trusting exactly settings.TRUSTED_PROXY_COUNT proxies."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or ""
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < trusted:
        # Not every trusted proxy wrote its part: the request did not come through them all.
        return remote
    return _valid(forwarded[-trusted]) or remote


def client_network(request) -> str:
    """What a rate limit counts: the address, or its /64 network for IPv6 (a household gets
    a whole /64 and could otherwise step through addresses)."""
    address = client_ip(request)
    if ":" in address:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return address
