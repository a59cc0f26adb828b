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


def test_the_readers_language_comes_from_the_page_and_falls_back_to_dutch():
    from common.consumers import reader_language

    def language(query: bytes) -> str:
        return reader_language({"query_string": query})

    assert language(b"lang=tr") == "tr"
    assert language(b"lang=en-GB") == "en"
    assert language(b"lang=xx") == "nl"
    assert language(b"lang=") == "nl"
    assert language(b"") == "nl"
    assert reader_language({}) == "nl"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_receives_the_words_of_an_event_in_its_own_language():
    """The kernel's one mechanism (issue 12): the payload carries keys, the module's renderer
    makes the words per connection, in the language its page opened the socket with."""
    from django.utils import timezone
    from django.utils.translation import gettext

    from common.consumers import GroupConsumer
    from common.realtime import every_language, moment, reader_moment, reader_text, send_event_now

    class Listening(GroupConsumer):
        login_required = False
        renderers = {
            "news": lambda payload: {
                **payload,
                "word": gettext(payload["key"]),
                "name": reader_text(payload["names"]),
                "at": reader_moment(payload["when"], "j F Y"),
            }
        }

        def get_groups(self, user):
            return ["test.language"]

    class Named:
        name_nl, name_en, name_tr = "Straat", "Street", ""

    when = timezone.make_aware(timezone.datetime(2027, 3, 14, 12, 0))
    payload = {"key": "Ontvangen", "names": every_language(Named(), "name"), "when": moment(when)}

    async def hear(query: str) -> dict:
        communicator = WebsocketCommunicator(Listening.as_asgi(), f"/ws/test/{query}")
        assert (await communicator.connect())[0]
        await database_sync_to_async(send_event_now)("test.language", "news", payload)
        await database_sync_to_async(send_event_now)("test.language", "other", {"key": "Ontvangen"})
        news = await communicator.receive_json_from(timeout=5)
        other = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        assert other == {"type": "other", "payload": {"key": "Ontvangen"}}  # no renderer: as sent
        return news["payload"]

    english = async_to_sync(hear)("?lang=en")
    words = (english["word"], english["name"], english["at"])
    assert words == ("Received", "Street", "14 March 2027")
    # Turkish has no name of its own here: the Dutch one; an unknown language reads Dutch.
    turkish = async_to_sync(hear)("?lang=tr")
    assert turkish["name"] == "Straat" and turkish["word"] != "Ontvangen"
    unknown = async_to_sync(hear)("?lang=xx")
    words = (unknown["word"], unknown["name"], unknown["at"])
    assert words == ("Ontvangen", "Straat", "14 maart 2027")
    assert payload["key"] == "Ontvangen" and "word" not in payload  # the published one untouched
