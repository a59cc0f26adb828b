"""The websocket consumer base: authenticate on connect, join one group, forward typed events.
No database writes here; services publish through common.realtime.publish_event."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .realtime import user_group

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403


class GroupConsumer(AsyncJsonWebsocketConsumer):
    """Subclasses say which groups a connection joins (an empty list refuses it)."""

    login_required = True
    groups_joined: list[str]

    def get_groups(self, user) -> list[str]:  # runs in a thread: may query the database
        raise NotImplementedError

    async def connect(self) -> None:
        self.groups_joined = []
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

    async def event_message(self, message: dict) -> None:
        await self.send_json({"type": message["event"], "payload": message["payload"]})


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
