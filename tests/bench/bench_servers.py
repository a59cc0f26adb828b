"""Which ASGI server (issue 13, item 1: "Uvicorn workers under Gunicorn, or Granian — measure
and choose"): requests per second of the same platform, the same settings and the same number
of worker processes, asked directly (no nginx in between), side by side in one run:

- ours: scripts/serve.sh (Uvicorn workers under Gunicorn), as the stack runs it;
- Granian (`granian --interface asgi`), started here on another port with the same environment.

For three requests: a trivial Django view (`/favicon.ico`, a redirect), the home page from the
page cache, and the home page rendered (a session cookie). Run on the stack of .ci/run, which
gives the environment (`make bench-tools` installs wrk and Granian into the virtualenv; Granian
is not a dependency of the platform):

    STACK_DEMO=1 WEB_WORKERS=2 scripts/ci-stack.sh .venv/bin/python tests/bench/bench_servers.py
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
WORKERS = os.environ.get("WEB_WORKERS", "2")
CASES = [
    ("trivial view", "/favicon.ico", []),
    ("home, cached", "/", []),
    ("home, rendered", "/", ["Cookie: sessionid=bench-no-such-session"]),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(base: str, path: str, headers: list[str]) -> tuple[float, str]:
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    out = subprocess.run(
        [*command, base + path], capture_output=True, text=True, timeout=SECONDS + 60, check=True
    ).stdout
    p99 = re.search(r"99%\s+(\S+)", out)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]), p99[1] if p99 else "?"


def wait_until_up(base: str) -> None:
    for _ in range(240):
        try:
            if requests.get(base + "/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{base} did not start")


def main() -> None:
    ours = f"http://127.0.0.1:{os.environ['PORT']}"
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"site:.{os.pathsep + os.environ.get('PYTHONPATH', '')}"}
    granian = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("granian")),
            "--interface",
            "asgi",
            "--workers",
            WORKERS,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-ws" if os.environ.get("BENCH_NO_WS") else "--ws",
            "config.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    theirs = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(ours)
        wait_until_up(theirs)
        for base in (ours, theirs):
            requests.get(base + "/", timeout=30)  # into the page cache
        print(f"\n{WORKERS} worker processes each, {CONNECTIONS} connections, {SECONDS} s a cell")
        head = f"{'gunicorn+uvicorn r/s':>21} {'p99':>9} {'granian r/s':>12} {'p99':>9}"
        print(f"{'request':18} {head}")
        for label, path, headers in CASES:
            # in turn, so that a drift of the busy machine touches both alike
            a, a99 = wrk(ours, path, headers)
            b, b99 = wrk(theirs, path, headers)
            print(f"{label:18} {a:21.0f} {a99:>9} {b:12.0f} {b99:>9}")
    finally:
        os.killpg(granian.pid, 15)
        try:
            granian.wait(timeout=30)
        except subprocess.TimeoutExpired:  # it waits for its open keep-alive connections
            os.killpg(granian.pid, 9)
            granian.wait()


if __name__ == "__main__":
    main()
