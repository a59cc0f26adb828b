"""Issue 13, item 2: the platform behind a real reverse proxy (Debian's nginx, configured by
deploy/nginx/zuidwest.conf through scripts/nginx.sh): static files with long cache lifetimes
for hashed names and compressed, media files, websockets passed through, and each resident
rate-limited on their own address (TRUSTED_PROXY_COUNT=1), not on the proxy's."""

import os
import shutil
from http.client import HTTPConnection
from pathlib import Path

import brotli
import pytest

from .processes import running
from .test_production_serving import free_port, production_stack

BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(shutil.which("nginx") is None, reason="needs nginx (make nginx)"),
]


def ask(port, path, *, source="127.0.0.1", headers=None, method="GET"):
    """A request from `source` (any 127.x address is this machine): residents at different
    addresses, as nginx sees them."""
    conn = HTTPConnection("127.0.0.1", port, timeout=15, source_address=(source, 0))
    conn.request(method, path, headers={"Accept-Language": "nl", **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.fixture
def melding(wijken):
    from meldingen.factories import MeldingFactory

    return MeldingFactory(wijk=wijken["moerwijk"])


@pytest.fixture
def behind_nginx(page_tree, tmp_path):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "buurt.txt").write_text("buurtfoto")
    # Rate limits count in the cache. Without Redis each worker process has a cache of its own
    # and counts only what reaches it (nginx spreads its connections over the workers), so
    # the embedded pass runs one worker; with Redis (CI's second pass) two share one count.
    workers = "2" if os.environ.get("REDIS_URL") else "1"
    with production_stack(
        tmp_path, TRUSTED_PROXY_COUNT="1", MEDIA_ROOT=str(media), WEB_WORKERS=workers
    ) as app_port:
        port = free_port()
        env = {
            **os.environ,
            "NGINX_LISTEN": f"127.0.0.1:{port}",
            "APP_ADDRESS": f"127.0.0.1:{app_port}",
            "STATIC_ROOT": str(tmp_path / "static"),
            "MEDIA_ROOT": str(media),
            "NGINX_RUN_DIR": str(tmp_path / "nginx"),
        }
        with running(
            ["scripts/nginx.sh"],
            env=env,
            log=tmp_path / "nginx.log",
            ready=lambda: ask(port, "/healthz")[0].status == 200,
            name="nginx",
            attempts=100,
            pause=0.1,
        ):
            yield port


def pages_static_and_media(port):
    home, html = ask(port, "/", headers={"Accept-Encoding": "gzip"})
    assert home.status == 200
    assert home.getheader("Content-Encoding") == "gzip"
    assert home.getheader("Content-Security-Policy")  # the platform's headers pass through

    _, html = ask(port, "/")
    stylesheet = next(
        part.split('"')[0]
        for part in html.decode().split('href="')
        if part.startswith("/static/css/site.")
    )
    css, body = ask(port, stylesheet, headers={"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.getheader("Content-Encoding") == "gzip"
    assert "immutable" in css.getheader("Cache-Control")
    unhashed, _ = ask(port, "/static/css/site.css")
    assert unhashed.status == 200 and "immutable" not in unhashed.getheader("Cache-Control")

    # The design system's CSS: only what the templates use, sent as brotli to a browser that
    # asks for it (collectstatic writes the .br copy, Debian's module sends it) and gzip else.
    components = next(
        part.split('"')[0]
        for part in html.decode().split('href="')
        if part.startswith("/static/vendor/utrecht/component-library.")
    )
    _, plain = ask(port, components)
    assert 20_000 < len(plain) < 120_000  # the whole library is 406 KB
    if Path(BROTLI_MODULE).exists():
        brotli_css, squeezed = ask(port, components, headers={"Accept-Encoding": "br, gzip"})
        assert brotli_css.getheader("Content-Encoding") == "br"
        assert brotli.decompress(squeezed) == plain
        assert len(squeezed) < len(plain) / 5
    gzip_css, _ = ask(port, components, headers={"Accept-Encoding": "gzip"})
    assert gzip_css.getheader("Content-Encoding") == "gzip"

    media, body = ask(port, "/media/images/buurt.txt")
    assert media.status == 200 and body == b"buurtfoto"
    assert ask(port, "/media/../db.sqlite3")[0].status in (400, 404)


def websockets_pass_through(port, melding):
    """A reporter's follow page keeps a socket open through the proxy, and the platform still
    refuses one it does not know (the refusal is the platform's: HTTP 403 at the handshake)."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    from meldingen.factories import TEST_SECRET

    site = f"127.0.0.1:{port}"
    origin = f"http://{site}"  # a browser sends its page's origin; the platform checks it
    url = f"ws://{site}/ws/melding/{melding.reference}/{TEST_SECRET}/"
    with connect(url, origin=origin, open_timeout=15) as socket, pytest.raises(TimeoutError):
        socket.recv(timeout=1)  # open and quiet: nothing happened to the report yet
    with pytest.raises(InvalidStatus) as refused:
        connect(f"ws://{site}/ws/melding/{melding.reference}/fout/", origin=origin)
    assert refused.value.response.status_code == 403


def each_resident_has_their_own_rate_limit(port):
    """Open311 takes ten writes a minute per address. Everyone reaches the platform from
    nginx's address; the platform counts the resident's (the last X-Forwarded-For entry)."""

    def limited(source, headers=None):
        return (
            ask(port, "/open311/v2/requests.json", source=source, method="POST", headers=headers)[
                0
            ].status
            == 429
        )

    assert [limited("127.0.0.2") for _ in range(11)][-2:] == [False, True]
    assert not limited("127.0.0.3")  # a neighbour is not locked out
    # What the first resident writes in the header does not make them someone else.
    assert limited("127.0.0.2", {"X-Forwarded-For": "198.51.100.7"})


def test_the_platform_behind_nginx(melding, behind_nginx):
    """One stack for the three checks: starting nginx and the production server is the slow
    part (collectstatic, the workers loading the site)."""
    pages_static_and_media(behind_nginx)
    websockets_pass_through(behind_nginx, melding)
    each_resident_has_their_own_rate_limit(behind_nginx)
