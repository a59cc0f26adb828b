import statistics
import time

import pytest


class Timer:
    def __init__(self):
        self.samples: list[float] = []

    def __call__(self, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        self.samples.append(time.perf_counter() - start)
        return result

    def report(self, label: str) -> str:
        data = sorted(self.samples)
        p95 = data[max(0, int(len(data) * 0.95) - 1)]
        return (
            f"{label}: n={len(data)} p50={statistics.median(data) * 1000:.1f} ms "
            f"p95={p95 * 1000:.1f} ms total={sum(data):.1f} s"
        )


@pytest.fixture
def timer():
    return Timer()


def measure(client, path: str, timer, rounds: int = 20, params=None) -> int:
    """GET `path` once to warm caches, count the queries of one more GET, then time `rounds`
    GETs with `timer`. Returns the query count."""
    from django.db import connection

    executed = [0]

    def count_queries(execute, sql, sql_params, many, context):
        executed[0] += 1
        return execute(sql, sql_params, many, context)

    client.get(path, params)  # warm up
    with connection.execute_wrapper(count_queries):
        response = client.get(path, params)
    assert response.status_code == 200, path
    for _ in range(rounds):
        timer(client.get, path, params)
    return executed[0]


def measure_pages(client, timer, pages, *, sizes, grow) -> dict:
    """For each size in `sizes`: `grow(size)` brings the data to that size, then every page
    (label, user or None, path) is measured as that user. Prints one line per page and size, and
    returns the query count per (label, size), so a bench can check that it does not grow."""
    figures = {}
    for size in sizes:
        grow(size)
        for label, user, path in pages:
            client.logout()
            if user:
                client.force_login(user)
            timer.samples = []
            queries = measure(client, path, timer)
            figures[(label, size)] = (queries, timer.report(f"{label} @ {size}"))
    print()
    for (_label, _size), (queries, line) in sorted(figures.items()):
        print(f"{line} queries={queries}")
    return {key: queries for key, (queries, _line) in figures.items()}
