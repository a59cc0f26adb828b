"""A storm of reports on the production stack (issue 13, item 6): BENCH_REPORTS residents
(1,000) arrive over BENCH_SECONDS (300) as a Poisson process, each from an address of its own
(the limit is ten reports an hour per address), and walk the four steps of /melden/ through
nginx as a browser without JavaScript does, with a photo-like JPEG (BENCH_PHOTO_SIZE,
1600x1200, about 0.5 MB):

    GET /melden/            POST the category    → 302
    GET /melden/waar/       POST postcode        → 302
    GET /melden/fotos/      POST the photo       → 302 (the photo is checked and re-encoded
                                                   in the request; no thumbnail yet)
    GET /melden/omschrijving/  POST the text     → 302 to the follow page
    GET /melden/volg/<reference>/<secret>/

It reports latency per step, reports accepted, refused, server errors, the CPU each part of
the stack used; then it checks in the database that every accepted reference exists with its
photo, and waits for the task workers' thumbnails: how long after the last report all of them
exist. Goals (the issue's): p95 under 500 ms, photo processing off the request path, nothing
lost. It reports; it asserts nothing.

    STACK_DEMO=1 WEB_WORKERS=4 scripts/ci-stack.sh \
        .venv/bin/python tests/bench/bench_report_storm.py
    BENCH_REPORTS=100 BENCH_SECONDS=60 STACK_DEMO=1 WEB_WORKERS=4 scripts/ci-stack.sh …

Options (environment): BENCH_REPORTS (1000), BENCH_SECONDS (300), BENCH_THREADS (100),
BENCH_PHOTO_SIZE (1600x1200), BENCH_THUMBNAIL_WAIT (600 s at most).
"""

import io
import json
import os
import random
import re
import tempfile
import threading
import time

from PIL import Image, ImageDraw, ImageFilter
from stack_load import Browser, CpuWatch, Timings, address, arrivals, django, refusal, run_schedule

BASE = os.environ.get("STACK_URL", "http://127.0.0.1:8080").rstrip("/")
REPORTS = int(os.environ.get("BENCH_REPORTS", "1000"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "300"))
THREADS = int(os.environ.get("BENCH_THREADS", "100"))
SIZE = tuple(int(v) for v in os.environ.get("BENCH_PHOTO_SIZE", "1600x1200").split("x"))
THUMBNAIL_WAIT = float(os.environ.get("BENCH_THUMBNAIL_WAIT", "600"))
STEPS = [
    "what (page)",
    "what (send)",
    "where (page)",
    "where (send)",
    "photo (page)",
    "photo (send)",
    "details (page)",
    "details (send)",
    "follow page",
]
FOLLOW = re.compile(r"/melden/volg/(?P<reference>[^/]+)/(?P<secret>[^/]+)/$")
CATEGORY = re.compile(r'name="category" value="(\d+)"')


def photos(count: int = 8) -> list[bytes]:
    """Photo-like JPEGs: shapes, a gradient and sensor noise, so they compress like a photo
    from a phone and not like a flat colour."""
    made = []
    rng = random.Random(6)
    for _ in range(count):
        image = Image.linear_gradient("L").resize(SIZE).convert("RGB")
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
            r = rng.randrange(20, 300)
            colour = tuple(rng.randrange(256) for _ in range(3))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        image = image.filter(ImageFilter.GaussianBlur(3))
        noise = Image.effect_noise(SIZE, 24).convert("RGB")
        image = Image.blend(image, noise, 0.15)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=88)
        made.append(buffer.getvalue())
    return made


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.accepted: list[tuple[float, str]] = []  # (when, reference)
        self.refused: dict[str, int] = {}
        self.server_errors: dict[str, int] = {}
        self.failed: dict[str, int] = {}
        self.unknown = 0  # the last step got no answer: stored or not?

    def count(self, table: dict, key: str) -> None:
        with self.lock:
            table[key] = table.get(key, 0) + 1


def reporter(n: int, jpegs: list[bytes], timings: Timings, tally: Tally) -> None:
    rng = random.Random(n)
    browser = Browser(BASE, address(n), timings)
    step = STEPS[0]

    def ok(response, status: int) -> bool:
        if response.status_code == status:
            return True
        table = tally.server_errors if response.status_code >= 500 else tally.refused
        tally.count(table, f"{step}: {refusal(response)}")
        return False

    try:
        page = browser.get(step, "/melden/")
        if not ok(page, 200):
            return
        categories = CATEGORY.findall(page.text)
        step = "what (send)"
        if not ok(browser.post(step, "/melden/", {"category": rng.choice(categories)}), 302):
            return
        step = "where (page)"
        if not ok(browser.get(step, "/melden/waar/"), 200):
            return
        step = "where (send)"
        place = {"postcode": "2532AB", "huisnummer": str(1 + n % 180)}
        if not ok(browser.post(step, "/melden/waar/", place), 302):
            return
        step = "photo (page)"
        if not ok(browser.get(step, "/melden/fotos/"), 200):
            return
        step = "photo (send)"
        photo = {"photo_1": (f"foto-{n}.jpg", rng.choice(jpegs), "image/jpeg")}
        if not ok(browser.post(step, "/melden/fotos/", {}, files=photo), 302):
            return
        step = "details (page)"
        if not ok(browser.get(step, "/melden/omschrijving/"), 200):
            return
        step = "details (send)"
        text = {
            "description": f"Melding {n} van de storm: kapotte lantaarnpaal bij de speeltuin",
            "email": f"bewoner{n}@example.org",
            "keep_informed": "on",
        }
        try:
            done = browser.post(step, "/melden/omschrijving/", text)
        except Exception:
            with tally.lock:
                tally.unknown += 1
            raise
        if not ok(done, 302):
            return
        match = FOLLOW.search(done.headers.get("Location", ""))
        if not match:
            tally.count(tally.refused, f"{step}: 302 to {done.headers.get('Location')}")
            return
        with tally.lock:
            tally.accepted.append((time.time(), match["reference"]))
        step = "follow page"
        ok(browser.get(step, match[0]), 200)
    except Exception as error:  # counted and reported, never lost
        tally.count(tally.failed, f"{step}: {type(error).__name__}")
    finally:
        browser.close()


def stored(references: list[str], *, wait: float = 0) -> dict:
    """What the database holds of the accepted references; with `wait`, one process polls
    every quarter second until every photo has its thumbnail (or `wait` seconds passed) and
    says when (epoch seconds), so the start of `manage.py shell` is not in the figure."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(references, file)
    try:
        out = django(
            "import json, time;"
            "from django.db.models import Count, Q;"
            "from meldingen.models import Melding;"
            f"refs = json.load(open({file.name!r}));"
            f"deadline = time.time() + {wait};"
            "rows = lambda: list(Melding.objects.filter(reference__in=refs).annotate("
            " p=Count('photos'), t=Count('photos', filter=~Q(photos__thumbnail=''))));"
            "found = rows(); first = True\n"
            "while any(r.t < r.p for r in found) and time.time() < deadline:"
            " time.sleep(0.25); found = rows(); first = False\n"
            "print(json.dumps({'all': Melding.objects.count(), 'found': len(found),"
            " 'with_photo': sum(1 for r in found if r.p == 1),"
            " 'with_thumbnail': sum(1 for r in found if r.p and r.t == r.p),"
            " 'at': time.time(), 'first': first}))",
            timeout=int(wait) + 120,
        )
    finally:
        os.unlink(file.name)
    return json.loads(out.splitlines()[-1])


def main() -> None:
    print(f"report storm: {REPORTS} reports over {SECONDS:.0f} s on {BASE}", flush=True)
    jpegs = photos()
    sizes = sorted(len(j) for j in jpegs)
    print(
        f"photos: {SIZE[0]}x{SIZE[1]} JPEG, {sizes[0] // 1000}–{sizes[-1] // 1000} kB", flush=True
    )
    before = stored([])["all"]
    timings, tally = Timings(), Tally()
    cpu = CpuWatch()
    wall, late = run_schedule(
        arrivals(REPORTS, SECONDS),
        lambda n: reporter(n, jpegs, timings, tally),
        threads=THREADS,
    )
    last = max((t for t, _ in tally.accepted), default=time.time())
    cpu_report = cpu.report()

    accepted = len(tally.accepted)
    print(f"\n{REPORTS} residents over {wall:.0f} s of wall time ({SECONDS:.0f} s scheduled)")
    late.sort()
    if late:
        print(
            f"start of a resident after its arrival time: p50 {1000 * late[len(late) // 2]:.0f} ms,"
            f" max {1000 * late[-1]:.0f} ms (when large, the load generator is the limit)"
        )
    print(f"reports accepted: {accepted}")
    for title, table in (
        ("refused", tally.refused),
        ("server errors", tally.server_errors),
        ("no answer (timeout, connection)", tally.failed),
    ):
        print(f"{title}: {sum(table.values())}")
        for reason, n in sorted(table.items(), key=lambda x: -x[1]):
            print(f"  {n:6}  {reason}")
    print("\nlatency through nginx")
    print(timings.table(STEPS))
    print(f"throughput: {accepted / wall:.2f} reports/s")
    print("\n" + cpu_report)

    references = [r for _, r in tally.accepted]
    found = stored(references, wait=THUMBNAIL_WAIT)
    waited = found["at"] - last
    print("\nin the database")
    print(
        f"  accepted references found: {found['found']} of {accepted}, with their photo: "
        f"{found['with_photo']}, with its thumbnail: {found['with_thumbnail']}"
    )
    print(
        f"  reports stored during the run: {found['all'] - before} (accepted {accepted}, "
        f"last step without an answer {tally.unknown})"
    )
    if found["with_thumbnail"] == found["with_photo"]:
        bound = " at most (they were all there at the first look)" if found["first"] else ""
        print(
            f"  all thumbnails made by the task workers {waited:.1f} s{bound} after the last report"
        )
    else:
        missing = found["with_photo"] - found["with_thumbnail"]
        print(f"  {missing} thumbnails still missing {waited:.0f} s after the last report")
    lost = accepted - found["with_photo"]
    print(f"  lost: {lost}")


if __name__ == "__main__":
    main()
