"""The scheduler's one list: apps register periodic jobs (reminders, overdue notices,
retention) in their AppConfig.ready(); `manage.py housekeeping` enqueues every registered job
as a background task. `make run` calls it every ten minutes; production uses cron or a timer."""

from collections.abc import Callable

_jobs: dict[str, Callable[[], object]] = {}


def register_job(name: str, enqueue: Callable[[], object]) -> None:
    """`enqueue` queues the work (normally `some_task.enqueue`); it must be idempotent: the
    scheduler may call it again before the last run finished."""
    _jobs[name] = enqueue


def jobs() -> dict[str, Callable[[], object]]:
    return dict(sorted(_jobs.items()))
