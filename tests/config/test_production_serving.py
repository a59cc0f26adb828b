"""Production settings serve real pages: collectstatic with the manifest storage, then the
production web server (scripts/serve.sh: Uvicorn workers under Gunicorn) in a subprocess, asked over
plain HTTP.

The server reads the test database, which pytest-django built with the same migrations that
`migrate` runs (a fresh `migrate` takes half a minute here; .ci/run does that one)."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from http.client import HTTPConnection
from pathlib import Path

import pytest
from django.db import connection

from .processes import ROOT, running

SECRET = "x" * 20 + "-production-secret-for-tests-only-" + "y" * 20


def database_url(tmp_path: Path) -> str:
    """A URL the server process can open for the test database."""
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: copy it into a file.
        connection.ensure_connection()
        target = sqlite3.connect(tmp_path / "db.sqlite3")
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str):
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Accept-Language": "nl"})
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    return response, body


@contextmanager
def production_stack(tmp_path, **extra_env):
    """The web server of scripts/serve.sh with production settings on a free port, reading the
    test database; `extra_env` adds to its environment."""
    port = free_port()
    drop = {"DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "PYTHONPATH"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET,
        DATABASE_URL=database_url(tmp_path),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(tmp_path / "static"),
        VAR_DIR=str(tmp_path / "var"),
        PYTHON=sys.executable,
        HOST="127.0.0.1",
        PORT=str(port),
        **extra_env,
    )
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert collect.returncode == 0, collect.stderr[-2000:]
    # Gunicorn listens before its workers have loaded the site: ask the health endpoint,
    # which a worker answers once the site is loaded.
    with running(
        ["scripts/serve.sh"],
        env=env,
        log=tmp_path / "server.log",
        ready=lambda: get(port, "/healthz")[0].status == 200,
        name="the server",
        attempts=300,
        pause=0.2,
    ):
        yield port


@pytest.fixture
def production_server(page_tree, tmp_path):
    with production_stack(tmp_path) as port:
        yield port


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_settings_serve_pages_static_files_and_the_staff_login(production_server):
    port = production_server

    home, html = get(port, "/")
    assert home.status == 200, html[-2000:]
    assert "Zuidwest" in html
    # The manifest storage names static files after their content.
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "no hashed stylesheet on the home page"

    static, css = get(port, stylesheet.group(1))
    assert static.status == 200
    assert ".site-header" in css
    cache = static.getheader("Cache-Control", "")
    assert "immutable" in cache and "max-age=315360000" in cache, cache

    admin, _ = get(port, "/beheer/")
    assert admin.status == 302
    login_url = admin.getheader("Location")
    assert login_url == "/accounts/login/?next=/beheer/"
    login, html = get(port, login_url)
    assert login.status == 200
    assert 'name="login"' in html

    for response in (home, admin, login):
        # No banner that names the server software.
        assert response.getheader("Server") is None
        assert "camera=()" in response.getheader("Permissions-Policy", "")
    public_policy = home.getheader("Content-Security-Policy", "")
    assert "script-src 'self';" in public_policy + ";"
    assert "frame-ancestors 'none'" in public_policy
    assert login.getheader("Content-Security-Policy") == public_policy
    assert "frame-ancestors 'self'" in admin.getheader("Content-Security-Policy", "")
