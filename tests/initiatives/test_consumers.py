"""Live updates of initiatives through the real ASGI application: a message in the thread
reaches the other party's open page; the brokers' queue hears about its own wijken only; a
stranger cannot listen in on someone's initiative."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import transaction
from django.test import Client

from config.asgi import application
from initiatives.factories import InitiativeFactory
from initiatives.services import initiative_send_message, initiative_submit

ORIGIN = (b"origin", b"http://localhost")
QUEUE_WS = "/ws/beheer/initiatieven/"
db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def session_cookie(user) -> tuple[bytes, bytes]:
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={value}".encode())


async def connect(path, *headers):
    communicator = WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])
    connected, code = await communicator.connect()
    return communicator, connected, code


def committed(function, **kwargs):
    with transaction.atomic():
        return function(**kwargs)


@db
def test_a_message_reaches_the_other_partys_open_page(taken):
    initiative = taken()
    initiator, broker = initiative.initiator, initiative.broker
    path = f"/ws/initiatieven/{initiative.pk}/"
    initiator_cookie, broker_cookie = session_cookie(initiator), session_cookie(broker)

    async def scenario():
        resident, connected, _ = await connect(path, initiator_cookie)
        assert connected
        workspace, connected, _ = await connect(path, broker_cookie)
        assert connected
        await database_sync_to_async(committed)(
            initiative_send_message,
            initiative=initiative,
            author=broker,
            text="Heeft u al toestemming?",
        )
        for communicator in (resident, workspace):
            event = await communicator.receive_json_from(timeout=5)
            assert event["type"] == "initiative.message"
            message = event["payload"]["message"]
            assert message["text"] == "Heeft u al toestemming?"
            assert message["from_broker"] is True
            assert message["author"] == broker.get_short_name()
        await resident.disconnect()
        await workspace.disconnect()

    async_to_sync(scenario)()


@db
def test_strangers_and_anonymous_visitors_cannot_listen(taken, resident_factory, broker_factory):
    initiative = taken()
    path = f"/ws/initiatieven/{initiative.pk}/"
    stranger = session_cookie(resident_factory())
    other_broker = session_cookie(broker_factory())  # covers no wijk, not assigned

    async def scenario():
        for headers in ([], [stranger], [other_broker]):
            _communicator, connected, code = await connect(path, *headers)
            assert not connected
            assert code in (4401, 4403)
        _communicator, connected, _ = await connect("/ws/initiatieven/999999/", stranger)
        assert not connected

    async_to_sync(scenario)()


@db
def test_the_queue_hears_of_new_initiatives_in_its_wijken_only(
    wijk_broker, wijken, resident_factory
):
    def submit_in(wijk):
        draft = InitiativeFactory(initiator=resident_factory(), wijk=wijk, title=f"In {wijk}")
        return committed(initiative_submit, initiative=draft, actor=draft.initiator).reference

    cookie = session_cookie(wijk_broker)

    async def scenario():
        queue, connected, _ = await connect(QUEUE_WS, cookie)
        assert connected
        await database_sync_to_async(submit_in)(wijken["bouwlust"])
        assert await queue.receive_nothing(timeout=0.5)
        reference = await database_sync_to_async(submit_in)(wijken["moerwijk"])
        event = await queue.receive_json_from(timeout=5)
        assert event["type"] == "initiative.new"
        assert event["payload"]["reference"] == reference
        await queue.disconnect()

    async_to_sync(scenario)()


@db
def test_residents_are_refused_from_the_queue(resident_factory):
    cookie = session_cookie(resident_factory())

    async def scenario():
        _communicator, connected, code = await connect(QUEUE_WS, cookie)
        assert not connected and code == 4403

    async_to_sync(scenario)()


@db
def test_each_page_reads_the_news_in_its_own_language(submit, wijk_broker):
    """Issue 12: the broker works in Dutch; the initiator's page in Turkish reads the new status
    and the day of a message in Turkish, the broker's page in Dutch."""
    from django.utils import timezone, translation
    from django.utils.formats import date_format

    from initiatives.services import initiative_take
    from initiatives.workflow import PUBLIC_LABELS, Status

    initiative = submit()
    path = f"/ws/initiatieven/{initiative.pk}/"
    initiator_cookie = session_cookie(initiative.initiator)
    broker_cookie = session_cookie(wijk_broker)

    def in_language(language, make):
        with translation.override(language):
            return make()

    def label(language):
        return in_language(language, lambda: str(PUBLIC_LABELS[Status.IN_GESPREK]))

    async def scenario():
        resident, connected, _ = await connect(path + "?lang=tr", initiator_cookie)
        assert connected
        workspace, connected, _ = await connect(path + "?lang=nl", broker_cookie)
        assert connected
        await database_sync_to_async(committed)(
            initiative_take, initiative=initiative, actor=wijk_broker, public_message="Dag!"
        )
        status = [(await c.receive_json_from(timeout=5))["payload"] for c in (resident, workspace)]
        message = await database_sync_to_async(committed)(
            initiative_send_message, initiative=initiative, author=wijk_broker, text="Wanneer?"
        )
        shown = [(await c.receive_json_from(timeout=5))["payload"] for c in (resident, workspace)]
        await resident.disconnect()
        await workspace.disconnect()
        return status, message, shown

    status, message, shown = async_to_sync(scenario)()
    assert [s["label"] for s in status] == [label("tr"), label("nl")]
    assert label("tr") != label("nl")
    local = timezone.localtime(message.created_at)
    days = [in_language(lang, lambda: date_format(local, "j F Y, H:i")) for lang in ("tr", "nl")]
    assert days[0] != days[1]  # the month is written in each language
    assert [s["message"]["at"] for s in shown] == days
    assert [s["label"] for s in shown] == [label("tr"), label("nl")]
