"""Live updates through nginx and the production stack (issue 13, item 6): BENCH_SOCKETS open
follow pages (websocket clients of `ws/melding/<reference>/<secret>/`, default 1,000, all in
this one process) hear a status change; the goal is p95 within one second. Two cases in one run:

- one report followed by every socket, its status changed once (one group send to all);
- as many reports as sockets, each followed by one socket, their statuses changed one after the
  other, as fast as one handler process can (`melding_change_status` in a loop).

A `manage.py shell` process in the stack's environment plays the handler and records the wall
clock just before each change (the shell's start is not counted); each socket records the wall
clock when the event arrives. The delay per socket is the difference (one machine, one clock):
it includes the service's transaction, Redis, the web worker, nginx and this client's own loop.

    WEB_WORKERS=2 scripts/ci-stack.sh .venv/bin/python tests/bench/bench_live_updates.py

Options (environment): BENCH_SOCKETS (1000), BENCH_OPENING (50 handshakes at a time),
BENCH_WAIT (10 s for stragglers after the last change).
"""

import asyncio
import json
import os
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[2]
BASE = os.environ.get("STACK_URL", "http://127.0.0.1:8080").rstrip("/")
SOCKETS = int(os.environ.get("BENCH_SOCKETS", "1000"))
OPENING = int(os.environ.get("BENCH_OPENING", "50"))
WAIT = float(os.environ.get("BENCH_WAIT", "10"))
PREFIX = "ZW-BENCH-"

SETUP = """
from meldingen.factories import CategoryFactory, MeldingFactory, TEST_SECRET
category = CategoryFactory()
for i in range({count}):
    MeldingFactory(category=category, reference=f"{prefix}{{i:05d}}", keep_informed=False)
print(TEST_SECRET)
"""

CHANGE = """
import json, sys, time
from meldingen.models import Melding
from meldingen.services import melding_change_status
from meldingen.workflow import Status
sent = {{}}
for reference in {references!r}:
    melding = Melding.objects.get(reference=reference)
    sent[reference] = time.time()
    melding_change_status(melding=melding, to=Status.IN_BEHANDELING, actor=None,
                          public_message="We gaan ermee aan de slag.")
sent["_done"] = time.time()
print(json.dumps(sent))
"""


async def django(code: str) -> str:
    """Python in the stack's Django (this process's environment); this loop keeps running."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "manage.py",
        "shell",
        "-v",
        "0",
        "-c",
        code,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    if process.returncode:
        raise SystemExit(f"manage.py shell failed:\n{err.decode()[-2000:]}")
    return out.decode().strip()


class Follower:
    def __init__(self, reference: str, secret: str):
        self.url = f"ws://{urlsplit(BASE).netloc}/ws/melding/{reference}/{secret}/"
        self.reference = reference
        self.opened: float | None = None  # seconds the handshake took
        self.error = ""
        self.received: float | None = None  # wall clock of the status event
        self.ws = None

    async def open(self, gate: asyncio.Semaphore) -> None:
        async with gate:
            started = time.monotonic()
            try:
                self.ws = await connect(self.url, origin=BASE, open_timeout=60, ping_interval=None)
            except Exception as error:  # refused or dropped: counted, not fatal
                self.error = type(error).__name__ + ": " + str(error)[:80]
                return
            self.opened = time.monotonic() - started

    async def listen(self) -> None:
        if self.ws is None:
            return
        try:
            while True:
                event = json.loads(await self.ws.recv())
                if event.get("type") == "melding.status":
                    self.received = time.time()
                    return
        except asyncio.CancelledError:
            raise
        except Exception as error:  # closed by the other side
            self.error = self.error or type(error).__name__ + ": " + str(error)[:80]


def percentile(data: list[float], share: float) -> float:
    return data[min(len(data) - 1, int(len(data) * share))]


def summary(label: str, followers: list[Follower], sent: dict[str, float]) -> None:
    delays = sorted(f.received - sent[f.reference] for f in followers if f.received is not None)
    opened = sorted(f.opened for f in followers if f.opened is not None)
    refused = [f for f in followers if f.ws is None]
    missing = len(followers) - len(delays)
    print(f"\n{label}")
    if opened:
        print(
            f"  open: {len(opened)} of {len(followers)} sockets, handshake p50 "
            f"{percentile(opened, 0.5) * 1000:.0f} ms, p95 {percentile(opened, 0.95) * 1000:.0f}"
            f" ms, max {opened[-1] * 1000:.0f} ms"
        )
    if refused:
        print(f"  refused: {len(refused)}, e.g. {refused[0].error}")
    if delays:
        p95 = percentile(delays, 0.95)
        print(
            f"  delay: p50 {percentile(delays, 0.5) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"p99 {percentile(delays, 0.99) * 1000:.0f} ms, max {delays[-1] * 1000:.0f} ms "
            f"({'meets' if p95 <= 1 and not missing else 'misses'} the goal: p95 ≤ 1 s)"
        )
    print(f"  never arrived: {missing} of {len(followers)}")
    why = Counter(f.error or "open, nothing heard" for f in followers if f.received is None)
    for reason, count in why.most_common(3):
        print(f"    {count}: {reason}")


async def case(label: str, followers: list[Follower], references: list[str]) -> None:
    gate = asyncio.Semaphore(OPENING)
    started = time.monotonic()
    await asyncio.gather(*(f.open(gate) for f in followers))
    took = time.monotonic() - started
    print(f"\n[{label}] {len(followers)} handshakes in {took:.1f} s", flush=True)
    listening = [asyncio.create_task(f.listen()) for f in followers]
    await asyncio.sleep(1)
    sent = json.loads(await django(CHANGE.format(references=references)))
    changes = len(references)
    took = sent.pop("_done") - min(sent.values())
    print(f"[{label}] {changes} status change(s) in {took:.2f} s", flush=True)
    await asyncio.wait(listening, timeout=WAIT)
    for task in listening:
        task.cancel()
    await asyncio.gather(*(f.ws.close() for f in followers if f.ws), return_exceptions=True)
    summary(f"{label} ({changes} change(s) in {took:.1f} s)", followers, sent)


def nginx_complaints() -> list[str]:
    log = Path(os.environ.get("NGINX_RUN_DIR", "var/nginx")) / "error.log"
    if not log.exists():
        return []
    return [line for line in log.read_text().splitlines() if "worker_connections" in line]


async def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < SOCKETS + 200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, SOCKETS + 200), hard))
    secret = (await django(SETUP.format(count=SOCKETS + 1, prefix=PREFIX))).splitlines()[-1]
    print(f"{SOCKETS + 1} reports; {SOCKETS} sockets through nginx at {BASE}", flush=True)
    one = f"{PREFIX}{SOCKETS:05d}"
    await case(
        "one report, every socket follows it",
        [Follower(one, secret) for _ in range(SOCKETS)],
        [one],
    )
    many = [f"{PREFIX}{i:05d}" for i in range(SOCKETS)]
    await case(
        "one report per socket, changed one after the other",
        [Follower(reference, secret) for reference in many],
        many,
    )
    complaints = nginx_complaints()
    print(f"\nnginx 'worker_connections are not enough': {len(complaints)} line(s) in its log")
    for line in complaints[:3]:
        print("  " + line[:200])


if __name__ == "__main__":
    asyncio.run(main())
