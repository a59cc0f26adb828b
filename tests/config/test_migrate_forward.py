"""scripts/migrate_forward.py, the comparison behind scripts/check-migrate-forward.sh: it passes
a migration that keeps every row and catches one that loses or changes rows. (The whole script,
on the real migrations and the demo data, runs in .ci/run.)"""

import importlib.util
import sqlite3
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "migrate_forward.py"
spec = importlib.util.spec_from_file_location("migrate_forward", SCRIPT)
migrate_forward = importlib.util.module_from_spec(spec)
spec.loader.exec_module(migrate_forward)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(
            """
            CREATE TABLE wijk (id INTEGER PRIMARY KEY, name TEXT, shape BLOB);
            CREATE TABLE melding (id INTEGER PRIMARY KEY, wijk_id INTEGER, status TEXT);
            CREATE TABLE session (session_key TEXT PRIMARY KEY, data TEXT);
            INSERT INTO wijk VALUES (1, 'Moerwijk', x'00ff'), (2, 'Bouwlust', NULL);
            INSERT INTO melding VALUES (1, 1, 'gemeld'), (2, 2, 'afgehandeld');
            INSERT INTO session VALUES ('abc', '{}');
            """
        )
    return path


def migrate(db: Path, sql: str, mapping: str = "") -> list[str]:
    before = migrate_forward.snapshot(str(db))
    with sqlite3.connect(db) as connection:
        connection.executescript(sql)
    map_file = db.with_name("map")
    map_file.write_text(mapping)
    return migrate_forward.compare(str(db), before, map_file)


def test_new_columns_tables_and_rows_keep_it_green(db):
    assert (
        migrate(
            db,
            """
            ALTER TABLE melding ADD COLUMN deadline TEXT;
            CREATE TABLE reference (prefix TEXT, year INTEGER);
            INSERT INTO melding VALUES (3, 1, 'gemeld', NULL);
            """,
        )
        == []
    )


def test_lost_rows_are_caught(db):
    problems = migrate(db, "DELETE FROM melding WHERE id = 2; DELETE FROM session;")
    assert "melding: 2 rows before, 1 after" in problems
    assert "melding id=2: row gone" in problems
    assert "session: 1 rows before, 0 after" in problems


def test_changed_values_are_caught(db):
    problems = migrate(db, "UPDATE wijk SET shape = x'01' WHERE id = 1")
    assert problems == ["wijk id=1: shape was '00ff', is '01'"]


def test_a_dropped_table_is_caught(db):
    assert migrate(db, "DROP TABLE melding") == ["melding: gone, with 2 rows (map it if it moved)"]


def test_a_mapped_rename_passes_and_a_wrong_copy_does_not(db):
    renamed = """
        CREATE TABLE report (id INTEGER PRIMARY KEY, wijk_id INTEGER, state TEXT);
        INSERT INTO report SELECT id, wijk_id, status FROM melding;
        DROP TABLE melding;
    """
    mapping = "# moved in issue 11\nmelding -> report\nmelding.status -> report.state\n"
    assert migrate(db, renamed, mapping) == []


def test_a_mapped_move_that_loses_a_value_is_caught(db):
    moved = """
        CREATE TABLE report (id INTEGER PRIMARY KEY, wijk_id INTEGER, state TEXT);
        INSERT INTO report SELECT id, wijk_id, 'gemeld' FROM melding;
        DROP TABLE melding;
    """
    problems = migrate(db, moved, "melding -> report\nmelding.status -> report.state\n")
    assert problems == ["melding id=2: status was 'afgehandeld', is 'gemeld'"]


COUNTERS = """
    CREATE TABLE counter (year INTEGER PRIMARY KEY, last INTEGER);
    CREATE TABLE prefixed (id INTEGER PRIMARY KEY, prefix TEXT, year INTEGER, last INTEGER);
    INSERT INTO counter VALUES (2026, 7);
    INSERT INTO prefixed VALUES (1, 'ME', 2026, 12), (2, 'ME', 2027, 3);
"""
INTO_ONE = """
    CREATE TABLE kernel (id INTEGER PRIMARY KEY, prefix TEXT, year INTEGER, last INTEGER);
    INSERT INTO kernel (prefix, year, last) SELECT prefix, year, last FROM prefixed;
    INSERT INTO kernel (prefix, year, last) SELECT 'IN', year, {last} FROM counter;
    DROP TABLE counter; DROP TABLE prefixed;
"""
INTO_ONE_MAP = "counter -> kernel by prefix='IN', year\nprefixed -> kernel by prefix, year\n"


def test_rows_moved_into_one_table_with_a_new_key_are_found(db):
    with sqlite3.connect(db) as connection:
        connection.executescript(COUNTERS)
    assert migrate(db, INTO_ONE.format(last="last"), INTO_ONE_MAP) == []


def test_a_move_into_one_table_that_restarts_a_counter_is_caught(db):
    with sqlite3.connect(db) as connection:
        connection.executescript(COUNTERS)
    problems = migrate(db, INTO_ONE.format(last="0"), INTO_ONE_MAP)
    assert problems == ["counter prefix='IN', year=2026: last was 7, is 0"]
