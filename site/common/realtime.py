"""Realtime: services publish typed events to a Channels group after their transaction commits;
consumers only fan out (STYLE.md, after paperless-ngx's plugin helpers).

A payload carries data and keys, never words in the publisher's language: the consumer of each
reader makes the words in that reader's language (common.consumers, `renderers`). The helpers
below carry what a renderer cannot look up without the database (a translated name) and turn
keys into words once it runs."""

import datetime as dt
import logging
import re

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format

from .feedback.language import every_language, reader_text  # noqa: F401 the renderers' helpers

logger = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^0-9A-Za-z_.-]")


def group_name(*parts: object) -> str:
    """A Channels group name from parts: 'melding', 42 -> 'melding.42' (ASCII, < 100 chars)."""
    return _UNSAFE.sub("-", ".".join(str(p) for p in parts))[:99]


def user_group(user_id: int) -> str:
    return group_name("user", user_id)


def send_event_now(group: str, event: str, payload: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(
            group, {"type": "event.message", "event": event, "payload": payload}
        )
    except Exception:  # a realtime hiccup must never undo or fail the user's action
        logger.exception("Could not publish %s to %s", event, group)


def publish_event(group: str, event: str, payload: dict) -> None:
    """Send `payload` to everyone listening on `group`, once the current transaction commits.
    Outside a transaction it is sent at once (Django runs on_commit callbacks immediately)."""
    transaction.on_commit(lambda: send_event_now(group, event, payload))


def moment(value: dt.datetime) -> str:
    """A moment as ISO text for a payload; `reader_moment` writes it for the reader."""
    return value.isoformat()


def reader_moment(value: str | None, format: str = "j F Y, H:i") -> str:
    """In a renderer: an ISO moment in the reader's language and the site's time zone, in the
    form the page writes it ('3 maart 2027, 14:05', '3 Mart 2027, 14:05')."""
    parsed = parse_datetime(value or "")
    if parsed is None:
        return ""
    if timezone.is_aware(parsed):
        parsed = timezone.localtime(parsed)
    return date_format(parsed, format)
