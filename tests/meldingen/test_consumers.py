"""Live updates of meldingen through the real ASGI application: the handlers' queue hears about
its own reports only, and a reporter's status page opens with the right secret only."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.db import transaction
from django.test import Client

from common.feedback.secrets import hash_secret
from config.asgi import application
from meldingen.factories import TEST_SECRET
from meldingen.services import Intake, melding_change_status, melding_create
from meldingen.workflow import Status

ORIGIN = (b"origin", b"http://localhost")
QUEUE_WS = "/ws/beheer/meldingen/"
db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def session_cookie(user) -> tuple[bytes, bytes]:
    """A session of its own per user (logging a second user into one client would end the
    first session)."""
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={value}".encode())


def create_report(category) -> str:
    """Intake as the resident's form does it, committed, so the event is published."""
    from common.loaders import load_wijken

    load_wijken()  # intake refuses places outside Zuidwest
    with transaction.atomic():
        melding, _secret = melding_create(
            intake=Intake(
                category=category,
                description="Kapotte lantaarnpaal bij de school.",
                postcode="2532AB",
            ),
            photos=[],
        )
    return melding.reference


def connect(path, *headers):
    async def _connect():
        communicator = WebsocketCommunicator(application, path, headers=[ORIGIN, *headers])
        connected, code = await communicator.connect()
        return communicator, connected, code

    return _connect()


def hear_only(user, *, heard, unheard) -> tuple[dict, str]:
    """`user`'s queue socket stays silent for a new report in `unheard` and hears one in
    `heard`: returns that message and the report's reference."""
    cookie = session_cookie(user)

    async def scenario():
        communicator, connected, _ = await connect(QUEUE_WS, cookie)
        assert connected
        await database_sync_to_async(create_report)(unheard)
        assert await communicator.receive_nothing(timeout=0.5)
        reference = await database_sync_to_async(create_report)(heard)
        message = await communicator.receive_json_from(timeout=5)
        await communicator.disconnect()
        return message, reference

    return async_to_sync(scenario)()


@db
def test_a_handler_hears_of_new_reports_for_their_afdeling_only(handler, category_factory):
    own = category_factory(default_afdeling=handler.afdeling)
    other = category_factory()  # a new afdeling of its own
    message, reference = hear_only(handler, heard=own, unheard=other)
    assert message["type"] == "melding.new"
    assert message["payload"]["reference"] == reference
    assert message["payload"]["category"] == own.name


@db
def test_a_coordinator_hears_every_afdeling_but_not_sensitive_reports(
    coordinator, category_factory, sensitive_category_factory
):
    public = category_factory()
    sensitive = sensitive_category_factory()
    message, reference = hear_only(coordinator, heard=public, unheard=sensitive)
    assert message["payload"]["reference"] == reference


@db
def test_only_ondermijning_hears_of_sensitive_reports(
    handler_factory, user_factory, sensitive_category_factory
):
    category = sensitive_category_factory()
    # Even a handler of the very afdeling the category routes to must not hear of it.
    handler_cookie = session_cookie(handler_factory(afdeling=category.default_afdeling))
    team_cookie = session_cookie(user_factory(role="ondermijning"))

    async def scenario():
        handler_ws, connected, _ = await connect(QUEUE_WS, handler_cookie)
        assert connected
        team_ws, connected, _ = await connect(QUEUE_WS, team_cookie)
        assert connected
        reference = await database_sync_to_async(create_report)(category)
        message = await team_ws.receive_json_from(timeout=5)
        assert message["payload"]["reference"] == reference
        assert await handler_ws.receive_nothing(timeout=0.5)
        await handler_ws.disconnect()
        await team_ws.disconnect()

    async_to_sync(scenario)()


@db
def test_the_queue_refuses_residents_and_visitors(resident, editor):
    resident_cookie = session_cookie(resident)
    editor_cookie = session_cookie(editor)

    async def scenario():
        _, connected, code = await connect(QUEUE_WS)
        assert (connected, code) == (False, 4401)
        _, connected, code = await connect(QUEUE_WS, resident_cookie)
        assert (connected, code) == (False, 4403)
        _, connected, code = await connect(QUEUE_WS, editor_cookie)
        assert (connected, code) == (False, 4403)

    async_to_sync(scenario)()


@db
def test_the_status_page_opens_with_the_right_secret_and_hears_changes(melding, handler_factory):
    handler = handler_factory(afdeling=melding.afdeling)

    def plan():
        with transaction.atomic():
            melding_change_status(
                melding=melding,
                to=Status.INGEPLAND,
                actor=handler,
                public_message="We komen donderdag.",
            )

    async def scenario():
        path = f"/ws/melding/{melding.reference}/{TEST_SECRET}/"
        communicator, connected, _ = await connect(path)
        assert connected
        await database_sync_to_async(plan)()
        message = await communicator.receive_json_from(timeout=5)
        assert message["type"] == "melding.status"
        assert message["payload"]["status"] == Status.INGEPLAND
        await communicator.disconnect()

    async_to_sync(scenario)()


@db
def test_the_status_page_refuses_a_wrong_secret_or_reference(melding, melding_factory):
    # Another report with its own secret: the first report's secret must not open it.
    other = melding_factory(secret_hash=hash_secret("een-ander-geheim"))

    async def scenario():
        for path in (
            f"/ws/melding/{melding.reference}/raden/",
            f"/ws/melding/ZW-1999-00001/{TEST_SECRET}/",
            f"/ws/melding/{other.reference}/{TEST_SECRET}/",
            f"/ws/melding/{melding.reference}/",
        ):
            _, connected, code = await connect(path)
            assert (connected, code) == (False, 4403), path

    async_to_sync(scenario)()


@db
def test_the_signed_in_reporter_needs_no_secret_and_nobody_else_gets_in(
    resident, user_factory, melding_factory
):
    melding = melding_factory(reporter=resident)
    reporter_cookie = session_cookie(resident)
    stranger_cookie = session_cookie(user_factory(role="bewoner"))
    path = f"/ws/melding/{melding.reference}/"

    async def scenario():
        communicator, connected, _ = await connect(path, reporter_cookie)
        assert connected
        await communicator.disconnect()
        _, connected, code = await connect(path, stranger_cookie)
        assert (connected, code) == (False, 4403)

    async_to_sync(scenario)()


@db
def test_each_status_page_reads_the_change_in_its_own_language(melding, handler_factory):
    """Issue 12: the handler works in Dutch (here even in English, to be sure the words are not
    the publisher's); a Turkish page reads the new status in Turkish, a Dutch page in Dutch,
    and a page in a language the site does not speak in Dutch."""
    from django.utils import translation

    from meldingen.workflow import PUBLIC_LABELS

    handler = handler_factory(afdeling=melding.afdeling)

    def plan():
        with translation.override("en"), transaction.atomic():
            melding_change_status(
                melding=melding, to=Status.INGEPLAND, actor=handler, public_message="Donderdag."
            )

    def label(language):
        with translation.override(language):
            return str(PUBLIC_LABELS[Status.INGEPLAND])

    assert label("tr") != label("nl")

    async def scenario():
        path = f"/ws/melding/{melding.reference}/{TEST_SECRET}/"
        pages = {}
        for lang in ("tr", "nl", "xx", None):
            pages[lang], connected, _ = await connect(path + (f"?lang={lang}" if lang else ""))
            assert connected
        await database_sync_to_async(plan)()
        for lang, expected in (("tr", "tr"), ("nl", "nl"), ("xx", "nl"), (None, "nl")):
            message = await pages[lang].receive_json_from(timeout=5)
            assert message["type"] == "melding.status"
            assert message["payload"]["status"] == Status.INGEPLAND
            assert message["payload"]["label"] == label(expected), lang
            await pages[lang].disconnect()

    async_to_sync(scenario)()


@db
def test_the_queue_reads_a_new_report_in_the_handlers_language(handler, category_factory):
    """The category's name and the status come in the language of the queue's page."""
    from django.utils import translation

    from meldingen.workflow import PUBLIC_LABELS

    category = category_factory(
        default_afdeling=handler.afdeling, name="Straatverlichting", name_tr="Sokak aydınlatması"
    )
    cookie = session_cookie(handler)
    with translation.override("tr"):
        received_tr = str(PUBLIC_LABELS[Status.GEMELD])

    async def scenario():
        turkish, connected, _ = await connect(QUEUE_WS + "?lang=tr", cookie)
        assert connected
        dutch, connected, _ = await connect(QUEUE_WS, cookie)
        assert connected
        await database_sync_to_async(create_report)(category)
        heard_tr = (await turkish.receive_json_from(timeout=5))["payload"]
        heard_nl = (await dutch.receive_json_from(timeout=5))["payload"]
        await turkish.disconnect()
        await dutch.disconnect()
        return heard_tr, heard_nl

    heard_tr, heard_nl = async_to_sync(scenario)()
    assert (heard_tr["category"], heard_tr["label"]) == ("Sokak aydınlatması", received_tr)
    assert (heard_nl["category"], heard_nl["label"]) == ("Straatverlichting", "Ontvangen")
    assert "category_names" not in heard_tr  # the keys are turned into words, not passed on
