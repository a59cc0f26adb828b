"""Content-Security-Policy and Permissions-Policy: strict on the site, Wagtail's needs only under
/beheer/, and the map tiles of MAP_TILE_URL allowed."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.mark.django_db
def test_pages_allow_no_inline_script_or_style(client, page_tree):
    response = client.get("/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    # Every map script takes its tiles from the page, so they come from the allowed host.
    assert f'data-map-tiles="{settings.MAP_TILE_URL}"' in response.content.decode()
    permissions = response.headers["Permissions-Policy"]
    assert csp["media-src"] == ["'self'", "blob:"]  # listening back to one's own recording
    for feature in ("camera=()", "microphone=(self)", "payment=()", "usb=()", "geolocation=(self)"):
        assert feature in permissions


@pytest.mark.django_db
def test_only_the_wagtail_admin_gets_inline_script(client, editor):
    client.force_login(editor)
    admin = client.get("/beheer/")
    assert admin.status_code == 200
    csp = policy(admin)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["frame-ancestors"] == ["'self'"]  # the page preview is a frame of the admin
    assert csp["object-src"] == ["'none'"]
    # The same person on the site itself gets the strict policy.
    mine = client.get("/mijn/")
    assert mine.status_code == 200
    assert policy(mine)["script-src"] == ["'self'"]


def test_the_tile_server_of_map_tile_url_is_the_one_allowed():
    code = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    env = {**os.environ, "MAP_TILE_URL": "https://{s}.tiles.example.nl/wmts/{z}/{x}/{y}.png"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "https://*.tiles.example.nl" in result.stdout
    assert "openstreetmap" not in result.stdout
