"""The websocket consumer base: authenticate on connect, join one group, forward typed events.
No database writes here; services publish through common.realtime.publish_event.

Every connection reads in its own language. Services publish data and keys (a status, an ISO
time, a name in every language), never words; the page says its language when it opens the
socket (live.js adds `?lang=` from <html lang>), and each event is turned into words for that
connection by the renderer its module names in `renderers`, under that language. So a Turkish
resident watching /tr/... reads the new status in Turkish while the handler who changed it
works in Dutch."""

from collections.abc import Callable, Mapping
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import translation

from .feedback.language import supported_language
from .realtime import user_group

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403


def reader_language(scope) -> str:
    """The language of the page that opened the socket (`?lang=tr`), or Dutch when it is
    missing or not one the site speaks."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return supported_language((query.get("lang") or [""])[0])


class GroupConsumer(AsyncJsonWebsocketConsumer):
    """Subclasses say which groups a connection joins (an empty list refuses it), and how each
    event they hear reads (`renderers`)."""

    login_required = True
    groups_joined: list[str]
    language: str
    # Event type -> fn(payload) -> the payload this connection gets: the words made from the
    # payload's keys, in the reader's language (it runs under translation.override). No
    # database: everything it needs is in the payload. An event without one goes as it is.
    renderers: Mapping[str, Callable[[dict], dict]] = {}

    def get_groups(self, user) -> list[str]:  # runs in a thread: may query the database
        raise NotImplementedError

    async def connect(self) -> None:
        self.groups_joined = []
        self.language = reader_language(self.scope)
        user = self.scope.get("user")
        if self.login_required and not (user and user.is_authenticated):
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        groups = await database_sync_to_async(self.get_groups)(user)
        if not groups:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        for group in groups:
            await self.channel_layer.group_add(group, self.channel_name)
        self.groups_joined = list(groups)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        # Listening only: clients change state through HTTP, where forms and CSRF apply.
        return

    def render_payload(self, event: str, payload: dict) -> dict:
        render = self.renderers.get(event)
        if render is None:
            return payload
        with translation.override(self.language):
            # A copy: the same message reaches every connection of the group.
            return render(dict(payload))

    async def event_message(self, message: dict) -> None:
        payload = self.render_payload(message["event"], message["payload"])
        await self.send_json({"type": message["event"], "payload": payload})


class MyEventsConsumer(GroupConsumer):
    """Live updates for the signed-in resident's own inputs and notifications (Mijn Zuidwest)."""

    def get_groups(self, user) -> list[str]:
        return [user_group(user.pk)]


CLOSE_NOT_FOUND = 4404


class NotFoundConsumer(AsyncJsonWebsocketConsumer):
    """The last websocket route: an address no app knows is refused at the handshake, instead
    of the router raising an error (a server error for the client, a traceback in the log)."""

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)
