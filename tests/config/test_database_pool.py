"""Several ASGI workers share PostgreSQL through a connection pool each: more residents at once
than the pools hold wait their turn instead of getting an error page, and a database that is
full answers 503 with what the resident typed ready to send again."""

import re
import threading
from html import unescape

import pytest

from tests.config.asgi_workers import (
    Resident,
    Tally,
    Workers,
    drop_connections,
    is_postgresql,
    limited_role,
    role_connections,
    set_connection_limit,
)

pytestmark = [
    pytest.mark.skipif(
        not is_postgresql(),
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): the pool is PostgreSQL's",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORKERS = 3
POOL = {"DATABASE_POOL_MIN_SIZE": "1", "DATABASE_POOL_MAX_SIZE": "2"}
# What the three pools may hold together, plus headroom: PostgreSQL's max_connections in small.
ROLE_LIMIT = WORKERS * 2 + 2
CLIENTS = 30


@pytest.fixture
def lamp(wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    load_afdelingen()
    load_categories()
    return Category.objects.get(slug="lantaarnpaal")


def test_thirty_residents_on_three_workers_with_two_connections_each_get_no_error(lamp, tmp_path):
    from meldingen.models import Melding

    tally = Tally()
    with (
        limited_role(limit=ROLE_LIMIT) as role,
        Workers(count=WORKERS, role=role, env=POOL, log_dir=tmp_path) as workers,
    ):
        start = threading.Barrier(CLIENTS)

        def resident(n: int) -> None:
            person = Resident(workers.urls[n % WORKERS], f"10.1.{n // 250}.{n % 250 + 1}", tally)
            start.wait()
            person.read("/meldingen/")
            person.report(category=lamp.pk, n=n)
            person.read("/melden/")
            person.read("/meldingen/")

        threads = [threading.Thread(target=resident, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        peak = role_connections(role)
        logs = workers.logs()
    assert tally.server_errors == 0, f"{tally.summary()}\n{logs}"
    assert len(tally.accepted) == CLIENTS, tally.summary()
    stored = set(Melding.objects.values_list("reference", flat=True))
    assert stored == set(tally.accepted)
    assert stored and all(
        m.description.startswith("Kapotte lantaarnpaal") for m in Melding.objects.all()
    )
    assert peak <= WORKERS * 2


def test_a_full_database_answers_503_and_the_typed_report_is_sent_again(lamp, tmp_path):
    from meldingen.models import Melding

    tally = Tally()
    env = {"DATABASE_POOL_MIN_SIZE": "1", "DATABASE_POOL_MAX_SIZE": "1"}
    env["DATABASE_POOL_TIMEOUT"] = "2"
    with (
        limited_role(limit=ROLE_LIMIT) as role,
        Workers(count=1, role=role, env=env, log_dir=tmp_path) as workers,
    ):
        person = Resident(workers.urls[0], "10.2.0.1", tally)
        person.read("/melden/")
        person._send("POST", "/melden/", {"category": lamp.pk})
        person._send("POST", "/melden/waar/", {"postcode": "2532AB", "huisnummer": "7"})
        person._send("POST", "/melden/fotos/", {})
        # PostgreSQL takes no new client of the workers and drops the ones it had.
        set_connection_limit(role, 0)
        drop_connections(role)
        typed = {"description": "De lamp bij nummer 7 is kapot.\nAl een week.", "phone": ""}
        typed["email"] = "bewoner7@example.org"
        busy = person._send("POST", "/melden/omschrijving/", typed)
        set_connection_limit(role, ROLE_LIMIT)

        assert busy.status_code == 503, busy.text[:2000]
        assert busy.headers["Retry-After"].isdigit()
        assert busy.headers["Cache-Control"] == "no-store"
        assert "Probeer het over een minuut opnieuw" in busy.text
        form = re.search(r'<form method="post" action="([^"]+)">(.*?)</form>', busy.text, re.S)
        assert form and unescape(form[1]) == "/melden/omschrijving/"
        fields = {
            unescape(name): unescape(value)
            for name, value in re.findall(r'name="([^"]+)" value="([^"]*)"', form[2])
        }
        assert fields["description"] == typed["description"]
        assert fields["email"] == typed["email"]
        assert Melding.objects.count() == 0

        # "Opnieuw versturen" once PostgreSQL takes clients again: the report goes in.
        for _attempt in range(30):
            again = person.session.post(
                workers.urls[0] + form[1], data=fields, allow_redirects=False, timeout=30
            )
            if again.status_code != 503:
                break
            threading.Event().wait(1)
    assert again.status_code == 302, again.text[:2000]
    assert "/melden/volg/" in again.headers["Location"]
    melding = Melding.objects.get()
    assert melding.description == typed["description"]
    assert melding.reporter_email == typed["email"]
