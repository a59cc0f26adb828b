"""/terugkoppeling/: one feed, newest first, paged, filtered by source, per wijk; counts per
source; a constant number of queries however many entries."""

import datetime as dt

import pytest
from django.utils import timezone

from common.feedback import ledger

pytestmark = pytest.mark.django_db


def _entries(wijk, afdeling_factory, count, *, source="meldingen", start=0):
    now = timezone.now()
    for n in range(start, start + count):
        ledger.publish(
            source=source,
            obj=afdeling_factory(slug=f"a-{source}-{n}", name=f"Afdeling {source} {n}"),
            title=f"Antwoord {n}",
            answer=f"Wij deden {n}",
            answered_at=now - dt.timedelta(hours=n),
            wijk=wijk,
            input_url=f"/input/{n}/",
            deadline=now - dt.timedelta(hours=n) + dt.timedelta(days=(1 if n % 2 else -1)),
        )


def test_newest_first_with_link_and_late_marked(client, wijken, afdeling_factory):
    _entries(wijken["moerwijk"], afdeling_factory, 3)
    response = client.get("/terugkoppeling/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Antwoord 0") < html.index("Antwoord 1") < html.index("Antwoord 2")
    assert 'href="/input/1/"' in html
    assert "Later dan beloofd" in html and "Op tijd" in html


def test_per_wijk_and_by_source(client, wijken, afdeling_factory):
    _entries(wijken["moerwijk"], afdeling_factory, 2)
    _entries(wijken["bouwlust"], afdeling_factory, 2, source="initiatieven", start=10)
    html = client.get("/terugkoppeling/moerwijk/").content.decode()
    assert "Antwoord 0" in html and "Antwoord 10" not in html
    html = client.get("/terugkoppeling/?bron=initiatieven").content.decode()
    assert "Antwoord 10" in html and "Antwoord 0" not in html
    assert client.get("/terugkoppeling/nergens/").status_code == 404


def test_an_unknown_source_is_explained_not_an_error(client, wijken, afdeling_factory):
    _entries(wijken["moerwijk"], afdeling_factory, 1)
    response = client.get("/terugkoppeling/?bron=onzin")
    assert response.status_code == 200
    assert "Deze soort kennen we niet" in response.content.decode()
    assert "Antwoord 0" in response.content.decode()


def test_paged(client, wijken, afdeling_factory):
    _entries(wijken["moerwijk"], afdeling_factory, 25)
    first = client.get("/terugkoppeling/").content.decode()
    second = client.get("/terugkoppeling/?pagina=2").content.decode()
    assert "Antwoord 19<" in first and "Antwoord 20<" not in first
    assert "Antwoord 20<" in second and "Pagina 2 van 2" in second


def test_counts_per_source_are_shown(client, closed_melding, wijken):

    closed_melding()
    closed_melding(late=True)
    ledger.rebuild()
    response = client.get("/terugkoppeling/moerwijk/")
    counts = dict((s.key, c) for s, c in response.context["counts"])
    assert counts["meldingen"] == ledger.Counts(
        received=2, answered=2, on_time=1, overdue=0, decided=2
    )
    assert "50%" in response.content.decode()


@pytest.mark.parametrize("rows", [2, 40])
def test_query_count_does_not_grow(
    rows, client, wijken, afdeling_factory, django_assert_num_queries
):
    _entries(wijken["moerwijk"], afdeling_factory, rows)
    _entries(wijken["moerwijk"], afdeling_factory, rows, source="initiatieven", start=100)
    client.get("/terugkoppeling/")  # warm up: content types, sessions
    # wijken, one count per source, page count + page rows, overdue list of inspraak
    with django_assert_num_queries(QUERIES):
        assert client.get("/terugkoppeling/").status_code == 200
    with django_assert_num_queries(QUERIES + 1):  # + the wijk itself
        assert client.get("/terugkoppeling/moerwijk/").status_code == 200


QUERIES = 8  # four sources: meldingen, initiatieven, wijkbudget, inspraak
