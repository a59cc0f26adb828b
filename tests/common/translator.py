"""LibreTranslate as the tests see it: the recorded exchanges of tests/common/data/
libretranslate.json served at requests' transport level (HTTPAdapter.send), so the backend's
own code builds, sends and reads every request. `serving(settings, mode)` switches translation
on: "recorded" answers from the file (an unknown request gets LibreTranslate's 400), "timeout"
and "refused" fail like a slow or a stopped server."""

import json
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import requests
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

RECORDINGS = json.loads((Path(__file__).parent / "data" / "libretranslate.json").read_text())
URL = "http://translate.internal:5000"


def _response(request, status: int, body: bytes, content_type: str) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = body
    response.headers = CaseInsensitiveDict({"Content-Type": content_type})
    response.encoding = "utf-8"
    response.url = request.url
    response.request = request
    return response


class Server:
    """What the fake transport answers (`mode`) and what it was sent (`sent`, the JSON bodies in
    order; `unknown`, those the recordings do not have)."""

    def __init__(self, mode: str = "recorded") -> None:
        self.mode = mode
        self.sent: list[dict] = []
        self.unknown: list[dict] = []

    def send(self, request, **kwargs) -> requests.Response:
        assert request.method == "POST" and request.url == f"{URL}/translate", request.url
        assert kwargs.get("timeout") == 3  # never longer than TRANSLATION_TIMEOUT
        body = json.loads(request.body)
        self.sent.append(body)
        if self.mode == "timeout":
            raise requests.exceptions.ReadTimeout("Read timed out. (read timeout=3)")
        if self.mode == "refused":
            raise requests.exceptions.ConnectionError("[Errno 111] Connection refused")
        for exchange in RECORDINGS["exchanges"]:
            if exchange["request"] == body:
                answer = exchange["response"]
                if "json" in answer:
                    content = json.dumps(answer["json"]).encode()
                    return _response(request, answer["status"], content, "application/json")
                return _response(
                    request, answer["status"], answer["body"].encode(), answer["content_type"]
                )
        self.unknown.append(body)
        error = json.dumps({"error": "Invalid request: not in the recordings"}).encode()
        return _response(request, 400, error, "application/json")


@contextmanager
def serving(settings, mode: str = "recorded", *, api_key: str = ""):
    """Machine translation on, LibreTranslate answering as `mode` says."""
    settings.TRANSLATION_BACKEND = "libretranslate"
    settings.LIBRETRANSLATE_URL = URL
    settings.LIBRETRANSLATE_API_KEY = api_key
    settings.TRANSLATION_TIMEOUT = 3
    server = Server(mode)

    def send(adapter, request, **kwargs):
        return server.send(request, **kwargs)

    with mock.patch.object(HTTPAdapter, "send", send):
        yield server


@contextmanager
def never_called():
    """Any request leaving through requests fails the test (at the end of the block, too,
    should a task have swallowed the error)."""
    calls = []

    def send(adapter, request, **kwargs):
        calls.append(request.url)
        raise AssertionError(f"nothing may be sent, and {request.url} was")

    with mock.patch.object(HTTPAdapter, "send", send):
        yield calls
    assert calls == [], calls
