"""What the load benchmarks against the production stack share (bench_voting_day.py,
bench_report_storm.py): a resident's browser through nginx from an address of its own, an
arrival schedule, `manage.py shell` in the stack's environment, and percentiles.

A resident reaches nginx from a 127.x.y.z address of its own (the whole of 127.0.0.0/8 is the
loopback on Linux), so nginx forwards that address and the per-address rate limits count each
resident, as in production; a forwarded header from the client would not be trusted
(TRUSTED_PROXY_COUNT=1: only nginx's)."""

import math
import random
import re
import subprocess
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter

ROOT = Path(__file__).resolve().parents[2]
ERROR = re.compile(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]{3,160})')


def django(code: str, *, timeout: int = 600) -> str:
    """Run Python in the stack's Django (this process's environment) and return stdout."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py shell failed:\n{result.stderr[-3000:]}")
    return result.stdout.strip()


def address(n: int) -> str:
    """The n-th resident's address: 127.1.0.1, 127.1.0.2, … (never nginx's 127.0.0.1)."""
    return f"127.{1 + n // 62500}.{n // 250 % 250}.{1 + n % 250}"


class _SourceAdapter(HTTPAdapter):
    def __init__(self, source: str):
        self.source = source
        super().__init__(pool_connections=1, pool_maxsize=1)

    def init_poolmanager(self, connections, maxsize, block=False, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(connections, maxsize, block, **kwargs)


class Timings:
    """Latencies per step (seconds), thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.steps: dict[str, list[float]] = defaultdict(list)

    def add(self, step: str, seconds: float) -> None:
        with self.lock:
            self.steps[step].append(seconds)

    def table(self, order: list[str]) -> str:
        lines = [f"{'step':28} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
        everything = []
        for step in order:
            values = self.steps.get(step, [])
            everything += values
            lines.append(_row(step, values))
        lines.append(_row("every request", everything))
        return "\n".join(lines)


def _row(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:28} {0:6}"
    ms = [1000 * p for p in percentiles(values, 50, 95, 99, 100)]
    return f"{name:28} {len(values):6} " + " ".join(f"{v:8.0f}" for v in ms)


def percentiles(values: list[float], *points: float) -> list[float]:
    ordered = sorted(values)
    found = []
    for p in points:
        rank = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
        found.append(ordered[rank])
    return found


class Browser:
    """A resident's browser: its own address, its own cookies. Production cookies are Secure
    and this stack has no certificate, so the cookies go back by hand, as over https (the way
    of tests/smoke/stack.py). Every request is timed under the name of its step."""

    def __init__(self, base: str, source: str, timings: Timings, timeout: float = 60):
        self.base = base
        self.session = requests.Session()
        adapter = _SourceAdapter(source)
        self.session.mount("http://", adapter)
        self.timings = timings
        self.timeout = timeout
        self.referer = base + "/"

    def _headers(self) -> dict:
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.session.cookies)
        headers = {"Origin": self.base, "Referer": self.referer}
        if cookies:
            headers["Cookie"] = cookies
        return headers

    def get(self, step: str, path: str) -> requests.Response:
        started = time.monotonic()
        response = self.session.get(
            self.base + path, headers=self._headers(), allow_redirects=False, timeout=self.timeout
        )
        self.timings.add(step, time.monotonic() - started)
        self.referer = self.base + path
        return response

    def post(self, step: str, path: str, data, files=None) -> requests.Response:
        token = self.session.cookies.get("csrftoken", "")
        if isinstance(data, dict):
            data = {**data, "csrfmiddlewaretoken": token}
        else:
            data = [*data, ("csrfmiddlewaretoken", token)]
        started = time.monotonic()
        response = self.session.post(
            self.base + path,
            data=data,
            files=files,
            headers=self._headers(),
            allow_redirects=False,
            timeout=self.timeout,
        )
        self.timings.add(step, time.monotonic() - started)
        return response

    def close(self) -> None:
        self.session.close()


def refusal(response: requests.Response) -> str:
    """A short reason for a refused step: the status and the first error message shown."""
    match = ERROR.search(response.text or "")
    text = " ".join(match[1].split())[:90] if match else ""
    return f"{response.status_code} {text}".strip()


def arrivals(count: int, seconds: float, seed: int = 13) -> list[float]:
    """`count` arrival times over `seconds`, a Poisson process (exponential gaps) scaled so the
    last arrives at the end: the rate is even on average and bursty at any moment."""
    rng = random.Random(seed)
    gaps = [rng.expovariate(1.0) for _ in range(count)]
    total = sum(gaps)
    times, now = [], 0.0
    for gap in gaps:
        now += gap
        times.append(now / total * seconds)
    return times


def run_schedule(times: list[float], job, *, threads: int) -> tuple[float, list[float]]:
    """Call job(n) for every arrival at its time, in a pool of `threads`; return the wall time
    and how late each job started against its arrival (a sign the client is the limit)."""
    late: list[float] = []
    lock = threading.Lock()
    started = time.monotonic()

    def wrapped(n: int, due: float) -> None:
        with lock:
            late.append(time.monotonic() - started - due)
        job(n)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        for n, due in enumerate(times):
            wait = started + due - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            pool.submit(wrapped, n, due)
    return time.monotonic() - started, late


class CpuWatch:
    """CPU seconds of the stack's processes (web workers, task workers, nginx, PostgreSQL,
    Redis) and of this process over the run, from /proc: who used the two cores."""

    KINDS = {
        "uvicorn web workers": lambda c: "gunicorn" in c and "worker" in c,
        "rq task workers": lambda c: "rqworker" in c,
        "postgres (all databases)": lambda c: c.startswith("postgres"),
        "redis": lambda c: c.startswith("redis-server"),
        "nginx": lambda c: c.startswith("nginx"),
    }

    SHARED = {"postgres (all databases)", "redis"}  # one server for every stack here

    @staticmethod
    def _ours(entry: Path) -> bool:
        try:
            return Path(__import__("os").readlink(entry / "cwd")) == ROOT
        except OSError:
            return False

    def __init__(self):
        self.tick = __import__("os").sysconf("SC_CLK_TCK")
        self.before = self._sample()
        self.started = time.monotonic()

    def _sample(self) -> dict[int, tuple[str, int]]:
        found: dict[int, tuple[str, int]] = {}
        own = __import__("os").getpid()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # utime + stime, and cutime + cstime: RQ runs each job in a forked child
            ticks = sum(int(f) for f in fields[11:15])
            if int(entry.name) == own:
                found[own] = ("this load generator", ticks)
                continue
            for kind, matches in self.KINDS.items():
                if matches(command):
                    if kind not in self.SHARED and not self._ours(entry):
                        break  # another stack on the machine (another worktree)
                    found[int(entry.name)] = (kind, ticks)
                    break
        return found

    def report(self) -> str:
        after = self._sample()
        wall = time.monotonic() - self.started
        used_by: dict[str, float] = defaultdict(float)
        for pid, (kind, ticks) in after.items():  # a process that ended in between is missed
            used_by[kind] += ticks - self.before.get(pid, (kind, 0))[1]
        gone = len(set(self.before) - set(after))
        lines = [f"CPU over {wall:.0f} s (share of one core; the machine has 2, shared)"]
        for kind in [*self.KINDS, "this load generator"]:
            used = used_by[kind] / self.tick
            lines.append(f"  {kind:28} {used:8.1f} s  {100 * used / wall:5.0f}%")
        if gone:
            lines.append(f"  ({gone} processes ended during the run: their CPU is not counted)")
        load = Path("/proc/loadavg").read_text().split()[:3]
        lines.append(f"  load average at the end: {' '.join(load)}")
        return "\n".join(lines)
