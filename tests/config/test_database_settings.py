"""DATABASE_URL and the pool sizes become DATABASES; a busy database is told apart from a bad
query."""

import json
import sqlite3

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError, connection

from common.middleware import database_unavailable
from config.settings.env import database_from_url

POSTGRES = "postgres://zuidwest@db:5432/zuidwest"


def test_postgresql_goes_through_a_pool_without_persistent_connections(monkeypatch):
    for name in ("DATABASE_POOL_MIN_SIZE", "DATABASE_POOL_MAX_SIZE", "DATABASE_POOL_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    config = database_from_url(POSTGRES)
    # Django refuses a pool beside CONN_MAX_AGE > 0; persistent connections leak under ASGI.
    assert config["CONN_MAX_AGE"] == 0
    assert config["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 10, "timeout": 20.0}


def test_the_pool_is_sized_from_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_MIN_SIZE", "1")
    monkeypatch.setenv("DATABASE_POOL_MAX_SIZE", "4")
    monkeypatch.setenv("DATABASE_POOL_TIMEOUT", "7.5")
    pool = database_from_url(POSTGRES)["OPTIONS"]["pool"]
    assert pool == {"min_size": 1, "max_size": 4, "timeout": 7.5}


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_POOL_MAX_SIZE", "0"),
        ("DATABASE_POOL_MIN_SIZE", "11"),
        ("DATABASE_POOL_TIMEOUT", "0"),
    ],
)
def test_impossible_pool_sizes_stop_the_start(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL_"):
        database_from_url(POSTGRES)


def test_sqlite_has_no_pool_and_keeps_its_wal_settings():
    config = database_from_url("sqlite:////tmp/zuidwest.sqlite3")
    assert "pool" not in config["OPTIONS"]
    assert config["CONN_MAX_AGE"] == 0
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def wrapped(error: Exception) -> OperationalError:
    """The error as Django raises it: its own OperationalError caused by the driver's."""
    try:
        raise OperationalError(*error.args) from error
    except OperationalError as django_error:
        return django_error


def test_a_locked_sqlite_file_counts_as_busy_and_a_bad_query_does_not(tmp_path):
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("SELECT * FROM t")
    with pytest.raises(sqlite3.OperationalError) as missing:
        sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
    holder.rollback()
    assert database_unavailable(wrapped(locked.value))
    assert not database_unavailable(wrapped(missing.value))


@pytest.mark.django_db
def test_a_query_error_on_the_configured_database_is_not_busy():
    """Whatever the database (SQLite or PostgreSQL in CI): a bad query stays a server error."""
    with pytest.raises(Exception) as error, connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table_here")
    assert not database_unavailable(error.value)


@pytest.fixture
def busy_error(tmp_path) -> OperationalError:
    path = tmp_path / "busy.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        sqlite3.connect(path, timeout=0).execute("CREATE TABLE t (x)")
    except sqlite3.OperationalError as locked:
        return wrapped(locked)
    finally:
        holder.rollback()
    raise AssertionError("the file was not locked")


def test_a_busy_database_on_a_form_post_gives_a_503_page_that_sends_the_typed_text_again(
    rf, busy_error
):
    from common.middleware import DatabaseUnavailableMiddleware

    typed = {"description": 'Lamp "kapot" <br>\nbij nr 7', "email": "a@example.org"}
    request = rf.post("/en/melden/omschrijving/?x=1", typed)
    from django.utils import translation

    with translation.override("en"):
        response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(
            request, busy_error
        )
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "10" and response["Cache-Control"] == "no-store"
    assert "Please try again in a minute" in html and 'lang="en"' in html
    assert '<form method="post" action="/en/melden/omschrijving/?x=1">' in html
    assert 'name="description" value="Lamp &quot;kapot&quot; &lt;br&gt;\nbij nr 7"' in html
    assert 'name="email" value="a@example.org"' in html


def test_a_busy_database_answers_an_api_client_in_json(rf, busy_error):
    from common.middleware import DatabaseUnavailableMiddleware

    request = rf.get("/open311/v2/requests.json")
    response = DatabaseUnavailableMiddleware(lambda r: None).process_exception(request, busy_error)
    assert response.status_code == 503
    assert json.loads(response.content)[0]["code"] == 503


def test_other_errors_are_left_to_the_500_page(rf):
    from common.middleware import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda r: None)
    assert middleware.process_exception(rf.get("/"), ValueError("bug")) is None
