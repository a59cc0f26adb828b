"""Smoke test of the production stack behind nginx (issue 13, acceptance 1), run by
scripts/ci-stack.sh in .ci/run: PostgreSQL, Redis, several Uvicorn web workers under Gunicorn,
several RQ task workers and the scheduler (scripts/production.sh), nginx in front
(scripts/nginx.sh). Everything goes through nginx, as a resident's browser would:

1. pages in two languages, the second visit of a public page from the cache;
2. a report with a photo through the four steps of /melden/, stored with its photo, whose
   thumbnail a task worker makes (off the request path);
3. a websocket event: the reporter's follow page hears the status change a handler makes;
4. the rate limit counts per resident (the forwarded client), not per proxy.

    python tests/smoke/stack.py http://127.0.0.1:8080

The process runs `manage.py shell` in its own environment (the stack's) to play the handler and
to look at what was stored. It exits non-zero at the first thing that does not hold."""

import io
import json
import re
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

import requests
from PIL import Image
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parents[2]
FOLLOW = re.compile(r"/melden/volg/(?P<reference>[^/]+)/(?P<secret>[^/]+)/$")


def say(text: str) -> None:
    print(f"smoke: {text}", flush=True)


def django(code: str) -> str:
    """Run Python in the stack's Django (the environment of this process) and return stdout."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode:
        raise AssertionError(f"manage.py shell failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip()


def pages(base: str) -> None:
    for path, lang in (
        ("/", "nl"),
        ("/en/", "en"),
        ("/meldingen/", "nl"),
        ("/en/wijkbudget/", "en"),
    ):
        first = requests.get(base + path, timeout=30)
        assert first.status_code == 200, (path, first.status_code)
        assert f'lang="{lang}"' in first.text, path
        second = requests.get(base + path, timeout=30)
        assert second.headers.get("X-Page-Cache") == "hit", (path, second.headers)
    say("pages in Dutch and English, the second visit from the cache")


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 60)).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def wait_for_the_task_queue() -> None:
    """Loading the content enqueued a search-index job for every page and object; the report's
    thumbnail job would queue behind them. Start when the task workers are through."""
    import os

    import redis

    connection = redis.Redis.from_url(os.environ["REDIS_URL"])
    for _ in range(300):
        if not connection.llen("rq:queue:default"):
            return
        time.sleep(1)
    raise AssertionError("the task workers did not get through the queue in five minutes")


def report_with_photo(base: str) -> tuple[str, str]:
    session = requests.Session()

    def headers():
        # Production cookies are Secure: a browser sends them back over https only, and this
        # stack has no certificate, so the cookies go back by hand, as over https.
        cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        return {"Origin": base, "Referer": base + "/melden/", "Cookie": cookies}

    def post(path, data, files=None):
        data = {**data, "csrfmiddlewaretoken": session.cookies.get("csrftoken", "")}
        response = session.post(
            base + path,
            data=data,
            files=files,
            headers=headers(),
            allow_redirects=False,
            timeout=60,
        )
        assert response.status_code in (200, 302), (path, response.status_code, response.text[:500])
        return response

    form = session.get(base + "/melden/", timeout=30)
    assert form.status_code == 200
    category = re.search(r'name="category" value="(\d+)"', form.text)[1]  # the first choice
    post("/melden/", {"category": category})
    post("/melden/waar/", {"postcode": "2532AB", "huisnummer": "12"})
    post("/melden/fotos/", {}, files={"photo_1": ("lamp.jpg", jpeg(), "image/jpeg")})
    done = post(
        "/melden/omschrijving/",
        {"description": "Kapotte lantaarnpaal bij de speeltuin", "email": "smoke@example.org"},
    )
    match = FOLLOW.search(done.headers.get("Location", ""))
    assert done.status_code == 302 and match, (done.status_code, done.headers.get("Location"))
    reference, secret = match["reference"], match["secret"]
    check = (
        "from meldingen.models import Melding;"
        f"m = Melding.objects.get(reference={reference!r});"
        "p = m.photos.all();"
        "print(p.count(), sum(1 for x in p if x.thumbnail))"
    )
    for _ in range(60):
        photos, thumbnails = map(int, django(check).split())
        if thumbnails:
            break
        time.sleep(1)
    assert photos == 1 and thumbnails == 1, (photos, thumbnails)
    say(f"report {reference} stored with its photo; a task worker made the thumbnail")
    return reference, secret


def websocket_event(base: str, reference: str, secret: str) -> None:
    site = urlsplit(base).netloc
    with connect(
        f"ws://{site}/ws/melding/{reference}/{secret}/", origin=base, open_timeout=30
    ) as ws:
        time.sleep(0.5)
        started = time.monotonic()
        django(
            "from meldingen.models import Melding;"
            "from meldingen.services import melding_change_status;"
            "from meldingen.workflow import Status;"
            f"m = Melding.objects.get(reference={reference!r});"
            "melding_change_status(melding=m, to=Status.IN_BEHANDELING, actor=None,"
            " public_message='We gaan ermee aan de slag.')"
        )
        event = json.loads(ws.recv(timeout=30))
    assert "in_behandeling" in json.dumps(event), event
    waited = time.monotonic() - started  # most of it the start of `manage.py shell`
    say(f"the follow page heard the status change, {waited:.1f} s after the handler began")


def ask(base: str, path: str, *, source: str, method: str = "POST", headers=None) -> int:
    parts = urlsplit(base)
    conn = HTTPConnection(parts.hostname, parts.port, timeout=30, source_address=(source, 0))
    conn.request(method, path, headers=headers or {})
    status = conn.getresponse().status
    conn.close()
    return status


def rate_limit_per_resident(base: str) -> None:
    """Open311 takes ten writes a minute per address; every resident reaches the platform from
    nginx's address, and the platform counts the resident's."""
    path = "/open311/v2/requests.json"
    statuses = [ask(base, path, source="127.0.0.2") for _ in range(11)]
    assert statuses[-1] == 429 and 429 not in statuses[:-1], statuses
    assert ask(base, path, source="127.0.0.3") != 429, "a neighbour was locked out"
    spoofed = {"X-Forwarded-For": "198.51.100.7"}
    assert ask(base, path, source="127.0.0.2", headers=spoofed) == 429, "a spoofed header helped"
    say("the rate limit counts each resident, not the proxy; a spoofed header does not help")


def main() -> None:
    base = sys.argv[1].rstrip("/")
    pages(base)
    wait_for_the_task_queue()
    reference, secret = report_with_photo(base)
    websocket_event(base, reference, secret)
    rate_limit_per_resident(base)
    say("all good")


if __name__ == "__main__":
    main()
