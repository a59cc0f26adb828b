"""Production settings refuse to start without their secrets and pass `check --deploy` with
them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "x" * 20 + "-production-secret-for-tests-only-" + "y" * 20,
    "DATABASE_URL": "sqlite:////tmp/zuidwest-deploy-check.sqlite3",
    "ALLOWED_HOSTS": "zuidwest.example",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    drop = {*GOOD, "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in drop}
    base["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(GOOD))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in GOOD.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", env={**GOOD, "SECRET_KEY": "too-short"})
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8123", "BASE_URL": "https://zuidwest.example"}, "https://zuidwest.example"),
    ],
)
def test_mailed_links_follow_the_port_unless_base_url_is_set(env, expected):
    """Issue 14: a demo on another port (make run PORT=8123) mails links that work there."""
    drop = {"PORT", "BASE_URL", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
    base = {k: v for k, v in os.environ.items() if k not in drop}
    code = "from django.conf import settings; print(settings.ZUIDWEST_BASE_URL)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == expected, result.stderr[-2000:]
