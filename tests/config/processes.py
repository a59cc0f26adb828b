"""A server in a subprocess for the tests that ask a real one (the production web server, nginx
in front of it): started in its own process group, waited for until it answers, stopped with
everything it started."""

import os
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def running(command, *, env, log: Path, ready, name: str, attempts: int, pause: float):
    """Run `command` from the checkout with its output in `log` until `ready()` is true (an
    OSError means: not listening yet, ask again after `pause`); fail the test with the end of
    the log when the process stops or never gets ready."""
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )
    try:
        for _ in range(attempts):
            if process.poll() is not None:
                pytest.fail(f"{name} stopped:\n{log.read_text()[-3000:]}")
            try:
                if ready():
                    break
            except OSError:
                time.sleep(pause)
        else:
            pytest.fail(f"{name} did not start:\n{log.read_text()[-3000:]}")
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: do not leave it running
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
