"""nginx holds two connections for every open follow page (the browser's websocket and the one
to the platform), in one worker: deploy/nginx/zuidwest.conf gives a worker room for a few
thousand open pages, and as many open files (tests/bench/bench_live_updates.py found 1024
running out at 1,000 pages: handshakes refused, status changes not heard)."""

import re
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "zuidwest.conf"


def setting(name: str) -> int:
    return int(re.search(rf"^\s*{name}\s+(\d+);", CONF.read_text(), re.MULTILINE)[1])


def test_a_worker_holds_thousands_of_websockets():
    connections = setting("worker_connections")
    assert connections >= 2 * 2000  # 2,000 open follow pages in one worker
    assert setting("worker_rlimit_nofile") >= connections
