"""Idle CPU of the production stack (issue 13, item 5): what the web workers, the task workers
and the scheduler burn while nobody visits, per process, from /proc/<pid>/stat over
BENCH_IDLE_SECONDS (default 60). Side by side in the same minute: the RQ workers of the stack
and a database-backend worker of each poll interval (the embedded default's `make run` polls
every second, `scripts/production.sh` every TASK_POLL_SECONDS, default 2).

    WEB_WORKERS=2 scripts/ci-stack.sh .venv/bin/python tests/bench/bench_idle.py
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("BENCH_IDLE_SECONDS", "60"))
TICK = os.sysconf("SC_CLK_TCK")
KINDS = {
    "gunicorn + uvicorn workers": lambda c: "gunicorn" in c,
    "rq task worker": lambda c: "rqworker" in c,
    "db task worker": lambda c: "db_worker" in c,
    "nginx": lambda c: c.startswith("nginx"),
}


def processes() -> dict[int, str]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
        for kind, matches in KINDS.items():
            if matches(command):
                found[int(entry.name)] = kind
                break
    return found


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wait_for_an_empty_queue() -> None:
    """Loading the content enqueues search-index jobs: idle starts when the workers are done."""
    import redis

    connection = redis.Redis.from_url(os.environ["REDIS_URL"])
    quiet = 0
    for _ in range(600):
        busy = connection.llen("rq:queue:default") or connection.zcard(
            "rq:wip:default"
        )  # waiting, or started and not finished
        quiet = 0 if busy else quiet + 1
        if quiet >= 5:
            return
        time.sleep(1)


def main() -> None:
    env = {**os.environ}
    extra = []
    for interval in ("1", "2"):
        extra.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--interval",
                    interval,
                ],
                cwd=ROOT,
                env={**env, "DATABASE_POOL_MIN_SIZE": "1", "TASKS_BACKEND": "database"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    labels = {extra[0].pid: "db task worker (poll 1 s)", extra[1].pid: "db task worker (poll 2 s)"}
    time.sleep(15)  # everything has started
    wait_for_an_empty_queue()
    watched = processes()
    before = {pid: cpu_ticks(pid) for pid in watched}
    time.sleep(SECONDS)
    print(f"\nidle CPU over {SECONDS} s (ms of CPU per minute, per process)")
    for pid, kind in sorted(watched.items(), key=lambda item: item[1]):
        try:
            used = (cpu_ticks(pid) - before[pid]) / TICK
        except OSError:
            continue
        label = labels.get(pid, kind)
        print(f"  {label:28} pid {pid:>7}: {used * 1000 * 60 / SECONDS:8.0f} ms/min")
    for process in extra:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
