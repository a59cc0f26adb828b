"""The servers' access lines name no secret and, for a report, no client address. The log
configuration of base settings is applied for real (test settings keep logging quiet), and the
lines come from the real loggers: Daphne's runserver (what `make run` serves with), Django's
runserver, Django's 404 warning and Uvicorn's access and websocket lines."""

import copy
import io
import logging
import logging.config

import pytest
from django.core import mail
from django.test import Client

from config.settings import base

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.7"
SERVER_LOGGERS = ("", "django", "django.server", "uvicorn.access", "uvicorn.error")


@pytest.fixture
def log():
    """The production log configuration, writing into a buffer; restored afterwards."""
    saved = {}
    for name in SERVER_LOGGERS:
        logger = logging.getLogger(name)
        saved[name] = (logger.handlers[:], logger.level, logger.propagate, logger.filters[:])
    buffer = io.StringIO()
    config = copy.deepcopy(base.LOGGING)
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield buffer
    for name, (handlers, level, propagate, filters) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:], logger.level, logger.propagate = handlers, level, propagate
        logger.filters[:] = filters


@pytest.fixture
def sensitive_report(new_report):
    melding, secret = new_report("drugshandel")
    assert melding.is_sensitive
    return melding, secret


def daphne_runserver():
    from daphne.management.commands.runserver import Command

    return Command()


def test_a_follow_request_and_its_websocket_leave_no_secret_and_no_address(log, sensitive_report):
    melding, secret = sensitive_report
    follow = f"/melden/volg/{melding.reference}/{secret}/"
    assert secret in mail.outbox[0].body  # the resident has the link, the log must not
    assert Client().get(follow).status_code == 200

    runserver = daphne_runserver()
    http = {"method": "GET", "path": follow, "status": 200, "size": 512, "time_taken": 0.01}
    runserver.log_action("http", "complete", {**http, "client": f"{CLIENT}:53211"})
    runserver.log_action(
        "http", "complete", {**http, "path": "/en" + follow, "client": f"{CLIENT}:1"}
    )
    socket = f"/ws/melding/{melding.reference}/{secret}/"
    for action in ("connecting", "connected", "disconnected"):
        runserver.log_action("websocket", action, {"path": socket, "client": f"{CLIENT}:53212"})
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', f"{CLIENT}:53213", "GET", follow + "?foto=1", "1.1", 200
    )
    logging.getLogger("uvicorn.error").info(
        '%s - "WebSocket %s" [accepted]', f"{CLIENT}:53214", socket
    )
    logging.getLogger("django.server").info('"%s" %s %s', f"GET {follow} HTTP/1.1", 200, 512)
    Client().get(f"/melden/volg/{melding.reference}/{secret}/foto/999999/")  # a 404 warning

    output = log.getvalue()
    lines = output.strip().splitlines()
    assert len(lines) >= 9, output
    assert secret not in output
    assert CLIENT not in output
    assert f"/melden/volg/{melding.reference}/…/" in output  # still readable for the operator
    assert f"/ws/melding/{melding.reference}/…/" in output
    assert "Not Found" in output


def test_other_lines_keep_their_path_and_address(log):
    runserver = daphne_runserver()
    runserver.log_action(
        "http",
        "complete",
        {
            "method": "GET",
            "path": "/agenda/",
            "status": 200,
            "size": 1,
            "time_taken": 0.01,
            "client": f"{CLIENT}:53211",
        },
    )
    output = log.getvalue()
    assert "/agenda/" in output and CLIENT in output


@pytest.mark.parametrize(
    ("path", "token"),
    [
        ("/agenda/aanmelding/{token}/", "kort-geheim"),
        ("/en/agenda/aanmelding/{token}/", "kort-geheim"),
        ("/initiatieven/spreekuren/afspraak/{token}/", "kort-geheim"),
        ("/initiatieven/uitnodiging/{token}/", "kort-geheim"),
        ("/accounts/password/reset/key/1-{token}/", "kort-geheim"),
        # not in the URL map: caught by the shape of our secrets (token_urlsafe(24))
        ("/iets/onbekends/{token}/", "Q0dW1fzyY6yNm3P0nZ1x_7yqkAq0Jb8r"),
    ],
)
def test_every_secret_link_is_hidden(log, path, token):
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', f"{CLIENT}:1", "GET", path.format(token=token), "1.1", 200
    )
    output = log.getvalue()
    assert token not in output and CLIENT not in output
    assert path.format(token="…") in output
