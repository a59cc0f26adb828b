"""A realtime event published in a service reaches a websocket client connected to the real
ASGI application (with the Redis channel layer when REDIS_URL is set)."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import transaction

from common.notifications import notify
from common.realtime import publish_event, user_group
from config.asgi import application

ORIGIN = (b"origin", b"http://localhost")


def session_cookie(client, user) -> tuple[bytes, bytes]:
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={value}".encode())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_notification_reaches_the_residents_open_page(client, resident):
    cookie = session_cookie(client, resident)

    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/mijn/", headers=[ORIGIN, cookie])
        connected, _ = await communicator.connect()
        assert connected

        def service_call():
            with transaction.atomic():
                return notify(event="welcome", context={"title": "Welkom"}, user=resident)

        notification = await database_sync_to_async(service_call)()
        message = await communicator.receive_json_from(timeout=5)
        assert message == {
            "type": "notification",
            "payload": {"event": "welcome", "id": notification.pk, "title": "Welkom"},
        }
        await communicator.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_events_for_someone_else_do_not_arrive(client, resident, user_factory):
    other = user_factory()
    cookie = session_cookie(client, resident)

    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/mijn/", headers=[ORIGIN, cookie])
        assert (await communicator.connect())[0]
        await database_sync_to_async(publish_event)(user_group(other.pk), "notification", {})
        assert await communicator.receive_nothing(timeout=0.5)
        await communicator.disconnect()

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_anonymous_visitor_is_refused():
    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/mijn/", headers=[ORIGIN])
        connected, code = await communicator.connect()
        assert not connected
        assert code == 4401

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_foreign_origin_is_refused(client, resident):
    cookie = session_cookie(client, resident)

    async def scenario():
        communicator = WebsocketCommunicator(
            application, "/ws/mijn/", headers=[(b"origin", b"https://evil.example"), cookie]
        )
        connected, _ = await communicator.connect()
        assert not connected

    async_to_sync(scenario)()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_event_after_a_quiet_spell_still_arrives(client, resident):
    """A page stays open for minutes: the layer's idle receive (a 5 s blocking pop on Redis)
    must not fail and drop the connection's listener before the next event comes."""
    cookie = session_cookie(client, resident)

    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/mijn/", headers=[ORIGIN, cookie])
        assert (await communicator.connect())[0]
        assert await communicator.receive_nothing(timeout=6.5, interval=0.5)
        await database_sync_to_async(publish_event)(
            user_group(resident.pk), "notification", {"id": 1}
        )
        message = await communicator.receive_json_from(timeout=5)
        assert message == {"type": "notification", "payload": {"id": 1}}
        await communicator.disconnect()

    async_to_sync(scenario)()


def test_an_unknown_address_is_refused_at_the_handshake():
    """No database: the refusal comes before anyone is looked up."""

    async def scenario():
        for path in ["/ws/bestaat-niet/", "/ws/melding/", "/", "/ws/mijn/extra/"]:
            communicator = WebsocketCommunicator(application, path, headers=[ORIGIN])
            assert await communicator.connect() == (False, 4404), path

    async_to_sync(scenario)()
