"""Issue 13, item 5: the task backend is chosen by the environment. The embedded default keeps
the database backend; TASKS_BACKEND=rq puts the jobs in Redis, where RQ workers run them. The
RQ test needs Redis (REDIS_URL): it runs in the suite's PostgreSQL + Redis pass."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env, timeout=120):
    drop = {"DJANGO_SETTINGS_MODULE", "TASKS_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in drop}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


SHOW = "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"


def test_the_embedded_default_keeps_the_database_backend():
    result = manage("shell", "-c", SHOW, env={})
    assert result.stdout.strip().splitlines()[-1] == "django_tasks_db.DatabaseBackend"


def test_a_wrong_backend_or_rq_without_redis_is_refused_clearly():
    wrong = manage("check", env={"TASKS_BACKEND": "celery"})
    assert wrong.returncode != 0 and "TASKS_BACKEND must be database or rq" in wrong.stderr
    no_redis = manage("check", env={"TASKS_BACKEND": "rq", "REDIS_URL": ""})
    assert no_redis.returncode != 0 and "TASKS_BACKEND=rq needs REDIS_URL" in no_redis.stderr


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL)")
def test_rq_runs_our_tasks_in_a_worker(tmp_path):
    """A real task of ours (the session clean-up job) enqueued in one process, run by an RQ
    worker in another, its result read back in a third."""
    env = {
        "TASKS_BACKEND": "rq",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path),
    }
    migrate = manage("migrate", "--noinput", "-v0", env=env, timeout=300)
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    enqueue = manage(
        "shell",
        "-c",
        "from common.tasks import clear_sessions as t; r = t.enqueue(); print(r.id)",
        env=env,
    )
    assert enqueue.returncode == 0, enqueue.stderr[-2000:]
    job_id = enqueue.stdout.strip().splitlines()[-1]
    worker = manage("rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default", env=env)
    assert worker.returncode == 0, worker.stderr[-2000:]
    status = manage(
        "shell",
        "-c",
        f"from common.tasks import clear_sessions as t; print(t.get_result({job_id!r}).status)",
        env=env,
    )
    assert status.stdout.strip().splitlines()[-1] == "SUCCESSFUL", status.stderr[-2000:]
