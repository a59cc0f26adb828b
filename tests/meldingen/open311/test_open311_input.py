"""Open311 with nasty input: every refusal is the GeoReport v2 error array with status 400,
never a server error or an HTML page (dates at the ends of the calendar used to overflow)."""

import pytest

from tests.common.fuzz import (
    DATE_VALUES,
    EMAIL_VALUES,
    NUMBER_VALUES,
    QUERY_VALUES,
    TEXT_VALUES,
    long_email,
)

from .test_open311 import API, INSIDE, LAMP, errors_of, post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params",
    [
        {"start_date": "9999-12-31"},
        {"end_date": "0001-01-01"},
        {"start_date": "0001-01-01T00:00:00+01:00"},
        {"end_date": "9999-12-31T23:59:59-01:00"},
        {"start_date": "２０２６-01-01"},
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_refused_with_the_error_array(client, params):
    (description,) = errors_of(client.get(f"{API}/requests.json", params), 400)
    assert "ISO 8601" in description and "1900" in description


def test_a_long_email_address_is_refused_and_nothing_is_stored(client, categories):
    from meldingen.models import Melding

    for length in (255, 320):
        (description,) = errors_of(post(client, email=long_email(length)), 400)
        assert description.startswith("email:") and "te lang" in description
    assert not Melding.objects.exists()
    assert post(client, email=long_email(254)).status_code == 200
    assert Melding.objects.get().reporter_email == long_email(254)


def test_no_parameter_value_gives_a_server_error(client, categories):
    values = TEXT_VALUES + EMAIL_VALUES + NUMBER_VALUES + DATE_VALUES + QUERY_VALUES
    sent = 0
    for name in ["service_request_id", "service_code", "start_date", "end_date", "status", "limit"]:
        for value in values:
            response = client.get(f"{API}/requests.json", {name: value})
            sent += 1
            assert response.status_code in {200, 400}, (name, value)
            if response.status_code == 400:
                errors_of(response, 400)
    for value in values:
        for path in [f"requests/{value}.json", f"services/{value}.json", f"{value}.json"]:
            response = client.get(f"{API}/{path}")
            sent += 1
            assert response.status_code in {200, 400, 404}, (path, value)
    fields = ["service_code", "lat", "long", "address_string", "description", "email", "phone"]
    for index, name in enumerate([*fields, "attribute[huisnummer]"]):
        for value in values:
            # Each from its own address: the POST rate limit is not what is tested here.
            extra = {"REMOTE_ADDR": f"10.1.{index}.{values.index(value)}"}
            data = {"service_code": "lantaarnpaal", "description": LAMP, **INSIDE, name: value}
            response = client.post(f"{API}/requests.json", data, **extra)
            sent += 1
            assert response.status_code in {200, 400}, (name, value, response.content[:200])
            if response.status_code == 400:
                errors_of(response, 400)
    assert sent > 400  # every list of values was sent


def test_limit_takes_plain_digits_only(client, categories, wijken):
    from meldingen.factories import MeldingFactory

    MeldingFactory.create_batch(2, category=categories["lantaarnpaal"], wijk=wijken["moerwijk"])
    assert len(client.get(f"{API}/requests.json", {"limit": "1"}).json()) == 1
    for value in ["١", "²", "0", "-1", "1.5"]:
        (description,) = errors_of(client.get(f"{API}/requests.json", {"limit": value}), 400)
        assert description.startswith("limit:"), value
