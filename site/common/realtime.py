"""Realtime: services publish typed events to a Channels group after their transaction commits;
consumers only fan out (STYLE.md, after paperless-ngx's plugin helpers)."""

import logging
import re

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

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
