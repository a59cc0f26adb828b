"""Three ASGI workers on PostgreSQL under 50 concurrent residents for 60 s: the old database
setting (persistent connections, CONN_MAX_AGE=60) against the pool, side by side in one run.
Figures are printed, not asserted. PostgreSQL only:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zuidwest \\
      .venv/bin/python -m pytest tests/bench/bench_workers.py -s -p no:randomly

BENCH_CLIENTS (50), BENCH_SECONDS (60), BENCH_DB_CONNECTIONS (40: the connection limit of the
workers' role, PostgreSQL's max_connections in small) and BENCH_POOL_MAX_SIZE (10) change the
load."""

import itertools
import os
import threading
import time

import pytest

from tests.config.asgi_workers import Resident, Tally, Workers, is_postgresql, limited_role

pytestmark = [
    pytest.mark.skipif(not is_postgresql(), reason="needs PostgreSQL (DATABASE_URL=postgres://)"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
LIMIT = int(os.environ.get("BENCH_DB_CONNECTIONS", "40"))
POOL_MAX = os.environ.get("BENCH_POOL_MAX_SIZE", "10")
WORKERS = 3
SETUPS = {
    "old: CONN_MAX_AGE=60, no pool": {
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings_conn_max_age"
    },
    f"new: pool min 2 max {POOL_MAX}": {
        "DATABASE_POOL_MIN_SIZE": "2",
        "DATABASE_POOL_MAX_SIZE": POOL_MAX,
    },
}


@pytest.fixture
def lamp(wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    load_afdelingen()
    load_categories()
    return Category.objects.get(slug="lantaarnpaal")


def run_load(urls: list[str], category: int) -> Tally:
    """CLIENTS connections for SECONDS: each in turn reads two public pages, then a new
    resident (own session, own address) reports in four steps and reads their follow page."""
    tally = Tally()
    counter = itertools.count()
    stop = time.monotonic() + SECONDS

    def client(slot: int) -> None:
        base = urls[slot % len(urls)]
        while time.monotonic() < stop:
            n = next(counter)
            person = Resident(base, f"10.{n // 62500 % 250}.{n // 250 % 250}.{n % 250 + 1}", tally)
            person.read("/meldingen/")
            person.read("/melden/")
            if person.report(category=category, n=n):
                person.read(person.follow_path)

    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def test_three_workers_under_load_old_setting_against_the_pool(lamp, tmp_path):
    from meldingen.models import Melding

    rows = []
    for label, env in SETUPS.items():
        log_dir = tmp_path / str(len(rows))
        log_dir.mkdir()
        with (
            limited_role(limit=LIMIT) as role,
            Workers(count=WORKERS, role=role, env=env, log_dir=log_dir) as workers,
        ):
            tally = run_load(workers.urls, lamp.pk)
        stored = Melding.objects.filter(reference__in=tally.accepted).count()
        rows.append((label, tally, stored))

    print()
    print(
        f"{WORKERS} Daphne workers, {CLIENTS} connections for {SECONDS:.0f} s, "
        f"the workers' role limited to {LIMIT} PostgreSQL connections"
    )
    header = f"{'setting':34} {'requests':>8} {'5xx':>6} {'reports':>8} {'lost':>5}"
    print(header + f" {'stored':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for label, tally, stored in rows:
        print(
            f"{label:34} {len(tally.statuses):8} {tally.server_errors:6} "
            f"{len(tally.accepted):8} {tally.failed_reports:5} {stored:7} "
            f"{tally.percentile(0.5) * 1000:7.0f} {tally.percentile(0.95) * 1000:7.0f}"
        )
