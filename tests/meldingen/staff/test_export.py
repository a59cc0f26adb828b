""" "Download als CSV" on the handlers' queue: exactly the filtered list, every page of it, only
the columns the list shows, safe to open in a spreadsheet, and only for who may see the queue."""

import csv
import io

import pytest

from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/meldingen/"
EXPORT = "/beheer/meldingen/meldingen.csv"


def rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_download_is_exactly_the_filtered_list(
    client, handler_a, melding_factory, category_a, category_factory
):
    planned = melding_factory.create_batch(27, category=category_a, status=Status.INGEPLAND)
    new = melding_factory(category=category_a, status=Status.GEMELD)
    elsewhere = melding_factory(category=category_factory(), status=Status.INGEPLAND)
    client.force_login(handler_a)
    response = client.get(EXPORT, {"status": Status.INGEPLAND})
    assert 'filename="meldingen-' in response["Content-Disposition"]
    header, *lines = rows(response)
    assert header[0] == "Kenmerk" and "Behandelaar" in header
    references = {line[0] for line in lines}
    # All 27, beyond the first page of 25; not the other status, not another afdeling's.
    assert references == {m.reference for m in planned}
    assert new.reference not in references and elsewhere.reference not in references


def test_the_queue_links_to_the_download_with_its_filters(client, handler_a):
    client.force_login(handler_a)
    html = client.get(QUEUE, {"status": Status.INGEPLAND, "page": "2"}).content.decode()
    assert f'href="{EXPORT}?status={Status.INGEPLAND}"' in html
    assert "Download als CSV" in html


def test_no_personal_data_beyond_the_list(client, handler_a, melding_factory, category_a):
    melding = melding_factory(
        category=category_a,
        reporter_email="jan@example.org",
        reporter_phone="0612345678",
        address="Leyweg 1",
        description="Jan van nummer 3 laat zijn afval staan.",
    )
    client.force_login(handler_a)
    text = client.get(EXPORT).content.decode("utf-8-sig")
    assert melding.reference in text
    for secret in ("jan@example.org", "0612345678", "Leyweg 1", "nummer 3"):
        assert secret not in text


def test_cells_that_a_spreadsheet_would_run_are_neutralised(
    client, handler_factory, afdeling_a, melding_factory, category_factory
):
    category = category_factory(
        name='=HYPERLINK("http://kwaad.example")', default_afdeling=afdeling_a
    )
    handler = handler_factory(afdeling=afdeling_a, display_name="@SUM(1+1)")
    melding_factory(category=category, assigned_to=handler)
    client.force_login(handler)
    _header, line = rows(client.get(EXPORT))
    assert line[2] == """'=HYPERLINK("http://kwaad.example")"""
    assert line[8].startswith("'@SUM")


def test_the_download_takes_a_fixed_number_of_queries(
    client, handler_a, melding_factory, category_a, django_assert_max_num_queries
):
    melding_factory.create_batch(30, category=category_a)
    client.force_login(handler_a)
    with django_assert_max_num_queries(12):
        assert client.get(EXPORT).status_code == 200


def test_who_may_not_see_the_queue_gets_no_download(
    client, resident, handler_factory, melding_factory, category_a
):
    melding = melding_factory(category=category_a)
    assert client.get(EXPORT).status_code == 302  # anonymous: to the login
    client.force_login(resident)
    assert client.get(EXPORT).status_code == 403
    client.force_login(handler_factory())  # another afdeling
    assert melding.reference not in client.get(EXPORT).content.decode("utf-8-sig")
