"""Issue 13, item 2: one client-address function that trusts exactly the configured number of
reverse proxies, used by every rate limit, ours and allauth's."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from accounts.adapter import AccountAdapter
from common.clientip import client_ip, client_network

PROXY = "10.0.0.2"  # what REMOTE_ADDR says behind nginx, for everybody
OPEN311 = "/open311/v2/requests.json"


def request(remote=PROXY, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_trusted_proxies_the_header_is_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded="203.0.113.5")) == PROXY


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        # What the visitor wrote themselves, left of what our proxy added, is not believed.
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        # Fewer entries than trusted proxies: it did not come through them all.
        (2, "203.0.113.5", PROXY),
        (1, "", PROXY),
        (1, "not-an-address", PROXY),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_trusted_proxies_are_counted_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request(forwarded=forwarded)) == expected


def test_an_ipv6_household_counts_as_one_network(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    one, other = request(forwarded="2001:db8::1"), request(forwarded="2001:db8::ffff")
    assert client_network(one) == client_network(other) == "2001:db8::/64"


def test_allauth_counts_the_same_visitor(settings, rf):
    settings.TRUSTED_PROXY_COUNT = 1
    assert AccountAdapter().get_client_ip(request(forwarded="1.2.3.4, 203.0.113.5")) == (
        "203.0.113.5"
    )


@pytest.fixture
def open311_limit(settings, db):
    settings.OPEN311_RATE_LIMIT = 2
    cache.clear()
    yield
    cache.clear()


def _limited(client, forwarded) -> bool:
    """An empty POST: counted, then refused for what is missing (400); 429 over the limit."""
    response = client.post(OPEN311, {}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert response.status_code in (400, 403, 429)
    return response.status_code == 429


def test_behind_a_proxy_each_resident_has_their_own_limit(client, settings, open311_limit):
    settings.TRUSTED_PROXY_COUNT = 1
    assert [_limited(client, "203.0.113.5") for _ in range(3)] == [False, False, True]
    assert not _limited(client, "198.51.100.7")  # a neighbour behind the same proxy
    assert _limited(client, "198.51.100.7, 203.0.113.5")  # a made-up header does not help


def test_without_the_setting_everyone_behind_the_proxy_shares_one_limit(
    client, settings, open311_limit
):
    settings.TRUSTED_PROXY_COUNT = 0
    assert [_limited(client, "203.0.113.5"), _limited(client, "203.0.113.6")] == [False, False]
    assert _limited(client, "198.51.100.7")
