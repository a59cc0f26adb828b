"""Snapshot and compare the tables of one SQLite database before and after a forward migration
(scripts/check-migrate-forward.sh). Only the standard library: the two halves run under two
versions of the code.

    migrate_forward.py snapshot DB SNAPSHOT.json
    migrate_forward.py compare DB SNAPSHOT.json MAPPING

The snapshot holds, per table, the row count and the first SAMPLE rows by primary key. The
comparison fails when a table is gone, holds fewer rows than before, or when a sampled row is
missing or has another value in a column that both schemas have. A table or column that a
migration renames on purpose is written in MAPPING, one `old -> new` a line (`table -> table`
or `table.column -> table.column`); `#` starts a comment. Rows that move into a table with
another key are found by `by`: `old -> new by prefix='IN', year` looks for each sampled row in
`new` where prefix is 'IN' and year is the old row's year, and compares the other columns both
tables have (not the new table's own primary key). Tables mapped into one table together must
hold at least their rows added up."""

import json
import sqlite3
import sys
from pathlib import Path

SAMPLE = 50


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.text_factory = lambda raw: raw.decode("utf-8", "backslashreplace")
    return connection


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def _columns(connection, table: str) -> tuple[list[str], list[str]]:
    """The columns of `table` and its primary key (the rowid when it declares none)."""
    info = connection.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    columns = [row[1] for row in info]
    key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]]
    return columns, key or ["rowid"]


def _count(connection, table: str) -> int:
    return connection.execute(f"SELECT COUNT(*) FROM {_quote(table)}").fetchone()[0]  # noqa: S608


def _value(value):
    return value.hex() if isinstance(value, bytes) else value


def snapshot(db: str) -> dict:
    connection = _connect(db)
    tables = {}
    for table in _tables(connection):
        columns, key = _columns(connection, table)
        selected = ", ".join(_quote(name) for name in [*dict.fromkeys([*key, *columns])])
        order = ", ".join(_quote(name) for name in key)
        cursor = connection.execute(
            f"SELECT {selected} FROM {_quote(table)} ORDER BY {order} LIMIT {SAMPLE}"  # noqa: S608
        )
        names = [description[0] for description in cursor.description]
        tables[table] = {
            "count": _count(connection, table),
            "key": key,
            "rows": [dict(zip(names, map(_value, row), strict=True)) for row in cursor],
        }
    return tables


def read_mapping(path: Path) -> tuple[dict[str, tuple[str, list]], dict[tuple[str, str], str]]:
    """`old -> new` lines: tables (optionally `by col, col='literal'`) and table.column pairs."""
    tables, columns = {}, {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        old, arrow, new = (part.strip() for part in line.partition("->"))
        new, _by, key = (part.strip() for part in new.partition(" by "))
        if not arrow or not old or not new or old.count(".") != new.count("."):
            raise SystemExit(f"{path}:{number}: write `old -> new` (tables, or table.column)")
        if "." in old:
            (old_table, old_column), (_new_table, new_column) = old.split("."), new.split(".")
            columns[(old_table, old_column)] = new_column
        else:
            by = []
            for item in filter(None, (part.strip() for part in key.split(","))):
                name, _equals, literal = (part.strip() for part in item.partition("="))
                by.append((name, literal.strip("'") if _equals else None))
            tables[old] = (new, by)
    return tables, columns


def _check_rows(connection, table, new_table, old, renamed, key, compared) -> list[str]:
    """Each sampled row of `table` is in `new_table`: a row with the same `key` (a list of
    (new column, old column or None, literal)) whose `compared` columns hold the same values."""
    problems = []
    where = " AND ".join(f"{_quote(column)} = ?" for column, _old, _literal in key)
    selected = ", ".join(_quote(renamed[name]) for name in compared) or "1"
    for row in old["rows"]:
        values = [row[old_name] if old_name else literal for _new, old_name, literal in key]
        found = connection.execute(
            f"SELECT {selected} FROM {_quote(new_table)} WHERE {where}",  # noqa: S608
            values,
        ).fetchall()
        label = (
            f"{table} {', '.join(f'{c}={v!r}' for (c, _o, _l), v in zip(key, values, strict=True))}"
        )
        if not found:
            problems.append(f"{label}: row gone")
            continue
        candidates = [dict(zip(compared, map(_value, each), strict=True)) for each in found]
        if not any(all(c[name] == row[name] for name in compared) for c in candidates):
            problems.extend(
                f"{label}: {name} was {row[name]!r}, is {candidates[0][name]!r}"
                for name in compared
                if candidates[0][name] != row[name]
            )
    return problems


def compare(db: str, before: dict, mapping: Path) -> list[str]:
    table_map, column_map = read_mapping(mapping)
    connection = _connect(db)
    present = set(_tables(connection))
    target = {table: table_map.get(table, (table, []))[0] for table in before}
    problems = []
    for new_table in sorted(set(target.values())):
        sources = sorted(table for table, into in target.items() if into == new_table)
        rows = sum(before[table]["count"] for table in sources)
        if new_table not in present:
            if rows:
                problems.append(f"{new_table}: gone, with {rows} rows (map it if it moved)")
            continue
        count = _count(connection, new_table)
        if count < rows:
            problems.append(f"{' + '.join(sources)}: {rows} rows before, {count} after")
    for table, old in sorted(before.items()):
        new_table, by = table_map.get(table, (table, []))
        if new_table not in present or not old["rows"]:
            continue
        columns, new_key = _columns(connection, new_table)
        renamed = {name: column_map.get((table, name), name) for name in old["rows"][0]}
        shared = [name for name, new in renamed.items() if new in columns]
        if by:
            # Re-keyed: the row is found by `by`; the new table's own key is its own.
            old_names = {new: name for name, new in renamed.items()}
            key = [
                (column, None if literal else old_names[column], literal) for column, literal in by
            ]
            compared = [
                name for name in shared if renamed[name] not in new_key or renamed[name] in dict(by)
            ]
        else:
            if any(renamed.get(name, name) not in [*columns, "rowid"] for name in old["key"]):
                problems.append(f"{table}: its primary key {old['key']} is gone (map the column)")
                continue
            key = [(renamed.get(name, name), name, None) for name in old["key"]]
            compared = shared
        problems += _check_rows(connection, table, new_table, old, renamed, key, compared)
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "snapshot":
        tables = snapshot(argv[1])
        Path(argv[2]).write_text(json.dumps(tables, default=str))
        rows = sum(table["count"] for table in tables.values())
        print(f"snapshot: {len(tables)} tables, {rows} rows")
        return 0
    if len(argv) == 4 and argv[0] == "compare":
        before = json.loads(Path(argv[2]).read_text())
        problems = compare(argv[1], before, Path(argv[3]))
        for problem in problems:
            print(f"LOST: {problem}")
        sampled = sum(len(table["rows"]) for table in before.values())
        print(f"compare: {len(before)} tables, {sampled} sampled rows, {len(problems)} problems")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
