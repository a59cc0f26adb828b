"""The lists do not grow their number of queries with their rows: the public gallery (also
filtered, and its map), and the brokers' queues with their counts (benchmark: tests/bench/
bench_initiatives.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.initiatives.bulk import bulk_initiatives

pytestmark = pytest.mark.django_db

PAGES = [
    ("/initiatieven/", None),
    ("/initiatieven/?wijk=moerwijk&thema=&status=", None),
    ("/beheer/initiatieven/?wachtrij=alle", "broker"),
    ("/beheer/initiatieven/?wachtrij=mijn", "broker"),
    ("/beheer/initiatieven/?wachtrij=nieuw&wijk=moerwijk", "broker"),
    ("/beheer/initiatieven/?wachtrij=alle", "coordinator"),
    ("/beheer/initiatieven/?wachtrij=gesloten", "coordinator"),
]


def queries_for(client, path: str) -> int:
    client.get(path)  # warm caches (site, translations), as a second visitor would find them
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(context)


def test_lists_need_the_same_queries_for_few_and_many_rows(
    client, wijken, wijk_broker, resident, user_factory
):
    users = {"broker": wijk_broker, "coordinator": user_factory(role="coordinator")}
    spread = list(wijken.values())
    counts = {}
    # Both sizes have rows in every list (an empty page skips its one query for rows).
    for size in (10, 60):
        bulk_initiatives(
            size - (10 if counts else 0), wijken=spread, initiator=resident, broker=wijk_broker
        )
        for path, who in PAGES:
            client.logout()
            if who:
                client.force_login(users[who])
            counts.setdefault(path + str(who), []).append(queries_for(client, path))
    grew = {k: v for k, v in counts.items() if v[0] != v[1]}
    assert not grew, grew
    # A full page of the gallery (24 cards, photos, the fund table, the map) stays small.
    assert counts["/initiatieven/None"][1] <= 10, counts
