"""Real ASGI worker processes on PostgreSQL, and residents who use them over HTTP.

Shared by tests/config/test_database_pool.py and tests/bench/bench_workers.py. The workers log
in as a role of their own with a CONNECTION LIMIT: that limit plays PostgreSQL's
max_connections for them, so a worker setting that piles up connections fails here the way it
fails in production, without filling the PostgreSQL server that others share."""

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
FOLLOW = re.compile(r"/melden/volg/(?P<reference>[^/]+)/[^/]+/$")


def is_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@contextmanager
def limited_role(*, limit: int):
    """A login role for the workers that may hold at most `limit` connections to the (test)
    database of this process, with the rights the application needs. Dropped afterwards."""
    database = connection.settings_dict["NAME"]
    role = f"{database}_workers"[:63]
    quoted = connection.ops.quote_name(role)
    with connection.cursor() as cursor:
        _drop_role(cursor, role, quoted)
        cursor.execute(f"CREATE ROLE {quoted} LOGIN CONNECTION LIMIT {int(limit)}")
        cursor.execute(
            f"GRANT CONNECT ON DATABASE {connection.ops.quote_name(database)} TO {quoted}"
        )
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {quoted}")
        cursor.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {quoted}")
        cursor.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {quoted}")
    try:
        yield role
    finally:
        with connection.cursor() as cursor:
            _drop_role(cursor, role, quoted)


def _drop_role(cursor, role: str, quoted: str) -> None:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
    if cursor.fetchone():
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )
        cursor.execute(f"DROP OWNED BY {quoted}")
        cursor.execute(f"DROP ROLE {quoted}")


def set_connection_limit(role: str, limit: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER ROLE {connection.ops.quote_name(role)} CONNECTION LIMIT {limit}")


def drop_connections(role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", [role]
        )


def role_connections(role: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", [role])
        return cursor.fetchone()[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Workers:
    """`count` Daphne processes, as the README runs them, on the test database as `role`.
    `env` adds or overrides variables (the pool sizes, or CONN_MAX_AGE for the old setting)."""

    def __init__(self, *, count: int, role: str, env: dict[str, str], log_dir: Path):
        settings = connection.settings_dict
        url = f"postgres://{role}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": url,
            **env,
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.count = count
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen] = []
        self.log_files: list = []
        self.urls: list[str] = []

    def __enter__(self):
        for n in range(self.count):
            port = free_port()
            log = open(self.log_dir / f"worker-{n}.log", "w")
            # --proxy-headers: the client address comes from X-Forwarded-For, as behind the
            # load balancer of "Beyond one machine"; each simulated resident has their own.
            command = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
            command += ["--proxy-headers", "config.asgi:application"]
            self.processes.append(
                subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)
            )
            self.log_files.append(log)
            self.urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 90
        for url, process in zip(self.urls, self.processes, strict=True):
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"worker at {url} stopped:\n{self.logs()}")
                try:
                    if requests.get(f"{url}/healthz", timeout=5).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"worker at {url} did not start:\n{self.logs()}")
                time.sleep(0.3)
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self.log_files:
            log.close()

    def logs(self, tail: int = 3000) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-tail:]}"
            for path in sorted(self.log_dir.glob("worker-*.log"))
        )


@dataclass
class Tally:
    """What the residents saw: every status code, the reports the site accepted, latencies."""

    statuses: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    refused: int = 0  # answered, but not accepted (the form came back with a message)
    failed_reports: int = 0  # a report that met a server error on its way
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def server_errors(self) -> int:
        return sum(1 for status in self.statuses if status >= 500)

    def percentile(self, share: float) -> float:
        data = sorted(self.latencies)
        if not data:
            return 0.0
        return data[min(len(data) - 1, max(0, round(len(data) * share) - 1))]

    def summary(self) -> str:
        p50 = statistics.median(self.latencies) if self.latencies else 0.0
        return (
            f"requests={len(self.statuses)} server_errors={self.server_errors} "
            f"reports_accepted={len(self.accepted)} reports_with_an_error={self.failed_reports} "
            f"p50={p50 * 1000:.0f} ms p95={self.percentile(0.95) * 1000:.0f} ms"
        )


class Resident:
    """One browser: its own session, CSRF cookie and client address."""

    def __init__(self, base_url: str, address: str, tally: Tally):
        self.base = base_url
        self.session = requests.Session()
        self.session.headers["X-Forwarded-For"] = address
        self.tally = tally
        self.follow_path = ""  # the report's status page, once accepted

    def _send(self, method: str, path: str, data: dict | None = None) -> requests.Response | None:
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", "")}
        start = time.perf_counter()
        try:
            response = self.session.request(
                method, self.base + path, data=data, allow_redirects=False, timeout=120
            )
        except requests.RequestException:
            status, response = 599, None  # no answer at all counts as a server error
        else:
            status = response.status_code
        with self.tally.lock:
            self.tally.statuses.append(status)
            self.tally.latencies.append(time.perf_counter() - start)
        return response

    def read(self, path: str) -> None:
        self._send("GET", path)

    def report(self, *, category: int, n: int) -> str | None:
        """The four steps of /melden/ as a browser takes them; the reference when accepted."""
        steps = [
            ("GET", "/melden/", None),
            ("POST", "/melden/", {"category": category}),
            ("POST", "/melden/waar/", {"postcode": "2532AB", "huisnummer": str(n % 150 + 1)}),
            ("POST", "/melden/fotos/", {}),
            (
                "POST",
                "/melden/omschrijving/",
                {"description": f"Kapotte lantaarnpaal {n}", "email": f"r{n}@example.org"},
            ),
        ]
        for method, path, data in steps:
            response = self._send(method, path, data)
            if response is None or response.status_code >= 500:
                with self.tally.lock:
                    self.tally.failed_reports += 1
                return None
        match = FOLLOW.search(response.headers.get("Location", ""))
        if response.status_code != 302 or not match:
            with self.tally.lock:
                self.tally.refused += 1  # the form again, with its message (e.g. the limit)
            return None
        with self.tally.lock:
            self.tally.accepted.append(match["reference"])
        self.follow_path = match[0]
        return match["reference"]
