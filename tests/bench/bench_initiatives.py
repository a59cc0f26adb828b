"""Initiatives benchmarks (issue 4, item 9): the public gallery and the brokers' queue with
5,000 initiatives. The query count of each page is asserted to be the same at 100 and at 5,000
rows; response times (p50/p95) are printed.

    .venv/bin/python -m pytest tests/bench/bench_initiatives.py -q -s -p no:cacheprovider
"""

import os

import pytest

from tests.bench.conftest import measure_pages
from tests.initiatives.bulk import bulk_initiatives

pytestmark = pytest.mark.django_db


def test_gallery_and_queue_with_5000_initiatives(
    client, wijken, broker_factory, resident_factory, user_factory, timer
):
    from initiatives.models import BrokerWijk, Initiative

    broker = broker_factory()
    BrokerWijk.objects.create(broker=broker, wijk=wijken["moerwijk"])
    BrokerWijk.objects.create(broker=broker, wijk=wijken["bouwlust"])
    coordinator = user_factory(role="coordinator")
    initiator = resident_factory()
    total = int(os.environ.get("BENCH_INITIATIVES", "5000"))
    pages = [
        ("gallery", None, "/initiatieven/"),
        ("gallery, filtered", None, "/initiatieven/?wijk=moerwijk&thema=ontmoeting&status="),
        ("gallery, page 50", None, "/initiatieven/?pagina=50"),
        ("queue (broker, mine)", broker, "/beheer/initiatieven/?wachtrij=mijn"),
        ("queue (broker, all open)", broker, "/beheer/initiatieven/?wachtrij=alle"),
        ("queue (coordinator, all open)", coordinator, "/beheer/initiatieven/?wachtrij=alle"),
        ("queue (coordinator, overdue)", coordinator, "/beheer/initiatieven/?wachtrij=te-laat"),
    ]
    queries = measure_pages(
        client,
        timer,
        pages,
        sizes=(100, total),
        grow=lambda size: bulk_initiatives(
            size - Initiative.objects.count(),
            wijken=list(wijken.values()),
            initiator=initiator,
            broker=broker,
        ),
    )
    for label, _user, _path in pages:
        assert queries[(label, 100)] == queries[(label, total)], label
