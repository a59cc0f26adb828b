"""Public pages through nginx and the production stack (issue 13, item 6, first benchmark):
requests per second of every public page, served from the page cache to visitors without a
session, side by side in one run with a trivial Django view under the same server and the
same middleware (`/favicon.ico`, a redirect to the static file) and with the same pages
rendered for every request (`Cookie: sessionid=…`: a visitor with a session never gets the
shared copy). The goal: every cached page at least 25% of the trivial view.

Needs PostgreSQL, Redis, nginx and wrk (`make bench-tools`). The stack of .ci/run with the
demo content, two web workers as in the issue's reference figure:

    STACK_DEMO=1 WEB_WORKERS=2 scripts/ci-stack.sh \
        .venv/bin/python tests/bench/bench_public_pages.py

Options (environment): BENCH_SECONDS (10 per page), BENCH_CONNECTIONS (32).

The reference Wagtail site of the issue (goal: every cached page ≥ 10× wagtail/bakerydemo's
home page with two workers), measured in the same run when BAKERYDEMO_URL is set: start it
first with tests/bench/reference/bakerydemo.sh (its own checkout and virtualenv, outside the
project), then

    BAKERYDEMO_URL=http://127.0.0.1:8100 STACK_DEMO=1 WEB_WORKERS=2 scripts/ci-stack.sh \
        .venv/bin/python tests/bench/bench_public_pages.py
"""

import os
import re
import subprocess
import sys

import requests

BASE = os.environ.get("STACK_URL", "http://127.0.0.1:8080")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
TRIVIAL = "/favicon.ico"
BAKERYDEMO = os.environ.get("BAKERYDEMO_URL", "").rstrip("/")
# bakerydemo's production settings redirect to https unless a proxy says it was https.
BEHIND_TLS = "X-Forwarded-Proto: https"


def public_pages() -> list[str]:
    """The public pages of the demo: fixed ones and the first of each kind linked from them."""
    pages = [
        "/",
        "/en/",
        "/meldingen/",
        "/meldingen/cijfers/",
        "/terugkoppeling/",
        "/wijkbudget/",
        "/initiatieven/",
        "/inspraak/",
        "/agenda/",
        "/participatiewinkel/",
        "/open311/v2/services.json",
        "/open311/v2/requests.json",
    ]
    found = {
        "wijk": (r'href="(/meldingen/wijk/[^/"]+/)"', "/meldingen/"),
        "round": (r'href="(/wijkbudget/[^/"]+/)"', "/wijkbudget/"),
        "process": (r'href="(/inspraak/(?!kalender)[^/"]+/)"', "/inspraak/"),
        "activity": (r'href="(/agenda/activiteit/\d+/)"', "/agenda/"),
    }
    for pattern, source in found.values():
        match = re.search(pattern, requests.get(BASE + source, timeout=30).text)
        if match:
            pages.append(match[1])
    return pages


def wrk(path: str, *headers: str, base: str = BASE) -> float:
    # --timeout: with 32 connections on two sync workers (bakerydemo) a response waits longer than
    # wrk's default 2 s, and wrk would count it as a timeout, not a request.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency"]
    for header in headers:
        command += ["-H", header]
    result = subprocess.run(
        [*command, base + path], capture_output=True, text=True, timeout=SECONDS + 60, check=True
    )
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if errors:
        print(f"  {path}: {errors[1]} responses other than 2xx/3xx", file=sys.stderr)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)[1])


def main() -> None:
    pages = public_pages()
    for path in pages:
        first = requests.get(BASE + path, timeout=30)
        assert first.status_code == 200, (path, first.status_code)
    reference = 0.0
    if BAKERYDEMO:
        # The first visit makes its image renditions: not measured.
        tls = dict([BEHIND_TLS.split(": ")])
        home = requests.get(BAKERYDEMO + "/", headers=tls, allow_redirects=False, timeout=120)
        assert home.status_code == 200, (BAKERYDEMO, home.status_code)
        reference = wrk("/", BEHIND_TLS, base=BAKERYDEMO)
    trivial = wrk(TRIVIAL)
    print(f"\n{CONNECTIONS} connections, {SECONDS} s each, through nginx")
    times = f" {'× bakerydemo':>13}" if reference else ""
    print(f"{'page':44} {'cached r/s':>11} {'% trivial':>10} {'rendered r/s':>13}{times}")
    print(f"{TRIVIAL + ' (trivial view)':44} {trivial:11.0f} {100:9.0f}%")
    if reference:
        print(f"{'bakerydemo / (reference, no nginx)':44} {reference:11.1f}")
    worst = 100.0
    fewest = float("inf")
    for path in pages:
        cached = wrk(path)
        rendered = wrk(path, "Cookie: sessionid=bench-no-such-session")
        share = 100 * cached / trivial
        worst = min(worst, share)
        line = f"{path:44} {cached:11.0f} {share:9.0f}% {rendered:13.1f}"
        if reference:
            fewest = min(fewest, cached / reference)
            line += f" {cached / reference:12.1f}×"
        print(line)
    print(f"lowest cached page: {worst:.0f}% of the trivial view (goal: 25%)")
    if reference:
        # The machine may be shared: bakerydemo once more, after our pages.
        again = wrk("/", BEHIND_TLS, base=BAKERYDEMO)
        print(f"bakerydemo / again after our pages: {again:.1f} r/s")
        print(f"lowest cached page: {fewest:.1f}× bakerydemo's home page (goal: 10×)")


if __name__ == "__main__":
    main()
