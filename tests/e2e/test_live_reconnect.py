"""Issue 11, acceptance 5: live updates survive a dropped connection on every page that has them.

Each test opens a live page in Chromium against the real ASGI application, waits until its
socket has joined the page's groups, then drops every websocket on the server side the way a
network does (the TCP connection is aborted: no close frame, nothing the client asked for). The
page tells the resident that the connection is gone, reconnects by itself, says it is back, and
the next event the server publishes arrives on the page. A socket the server refuses is not
knocked on again and again."""

import re
import threading

import pytest

from tests.e2e.conftest import session_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def drop_websockets(asgi_server) -> int:
    """Abort the TCP connection of every open websocket in the server, from its own loop."""
    dropped = 0
    for protocol in list(asgi_server.server.server_state.connections):
        if type(protocol).__module__.startswith("uvicorn.protocols.websockets"):
            protocol.loop.call_soon_threadsafe(protocol.transport.abort)
            dropped += 1
    return dropped


def on_server(action) -> None:
    """Run a service as another process would: not in this thread, where Playwright's event
    loop runs (the services publish with async_to_sync, which may not run inside it)."""
    errors = []

    def run():
        from django.db import connections

        try:
            action()
        except Exception as error:  # handed to the test below
            errors.append(error)
        finally:
            # A thread that ends holding its connection keeps it checked out of the
            # PostgreSQL pool for good: give it back, as Django does after a request.
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    assert not errors, errors


def survive_a_drop(visitor, asgi_server, selector: str) -> None:
    """The page at `selector` is live; drop its socket; see it say so, and come back."""
    page = visitor.page
    page.locator(f"{selector}[data-live=on]").wait_for(state="attached")
    assert drop_websockets(asgi_server) >= 1
    page.locator("[data-live-status=lost]").wait_for()
    assert "De verbinding voor nieuws op deze pagina is weg" in page.inner_text(".live-status")
    page.locator("[data-live-status=back]").wait_for()
    back = "De verbinding is terug. Nieuws verschijnt weer vanzelf."
    assert page.inner_text(".live-status") == back
    page.locator(f"{selector}[data-live=on]").wait_for(state="attached")
    visitor.check()  # the status message passes axe too


@pytest.fixture
def melding(wijken):
    from meldingen.factories import CategoryFactory, MeldingFactory

    category = CategoryFactory(name="Afval naast de container")
    return MeldingFactory(category=category, wijk=wijken["moerwijk"])


def test_a_reports_status_page(live_visitors, asgi_server, melding, handler_factory):
    from meldingen.factories import TEST_SECRET
    from meldingen.services import follow_path, melding_change_status
    from meldingen.workflow import Status

    handler = handler_factory(afdeling=melding.afdeling)
    resident = live_visitors(360)
    resident.goto(follow_path(melding, TEST_SECRET))
    survive_a_drop(resident, asgi_server, "#live-updates")

    on_server(
        lambda: melding_change_status(
            melding=melding,
            to=Status.IN_BEHANDELING,
            actor=handler,
            public_message="We gaan kijken.",
        )
    )
    # Nobody is typing: the page reloads with the news.
    melding.refresh_from_db()
    resident.page.locator("[data-status]", has_text=str(melding.public_label)).wait_for()
    assert resident.page.get_by_text("We gaan kijken.").is_visible()


def test_the_handlers_queue(live_visitors, asgi_server, melding, handler_factory):
    from meldingen.services import melding_change_status
    from meldingen.workflow import Status

    handler = handler_factory(afdeling=melding.afdeling)
    queue = live_visitors(1280, session_for(handler), strict=False)
    queue.goto("/beheer/meldingen/")
    row = queue.page.locator(f"tr[data-reference='{melding.reference}']")
    assert row.is_visible()
    survive_a_drop(queue, asgi_server, "#meldingen-queue")

    on_server(
        lambda: melding_change_status(
            melding=melding, to=Status.IN_BEHANDELING, actor=handler, public_message="Gezien."
        )
    )
    row.locator("[data-status]", has_text="(in_behandeling)").wait_for()


@pytest.fixture
def conversation(wijken, resident_factory, broker_factory):
    from initiatives.factories import InitiativeFactory
    from initiatives.models import BrokerWijk
    from initiatives.services import initiative_submit, initiative_take

    moerwijk = wijken["moerwijk"]
    initiator = resident_factory(display_name="Amina")
    broker = broker_factory(display_name="Karim")
    BrokerWijk.objects.create(broker=broker, wijk=moerwijk)
    draft = InitiativeFactory(initiator=initiator, wijk=moerwijk, title="Moestuin voor de buurt")
    initiative = initiative_submit(initiative=draft, actor=initiator)
    initiative_take(initiative=initiative, actor=broker, public_message="Ik help u graag.")
    return initiative, initiator, broker


def test_the_initiators_thread(live_visitors, asgi_server, conversation):
    from initiatives.services import initiative_send_message

    initiative, initiator, broker = conversation
    resident = live_visitors(360, session_for(initiator))
    resident.goto(f"/initiatieven/mijn/{initiative.pk}/")
    survive_a_drop(resident, asgi_server, "#initiative-live")

    on_server(
        lambda: initiative_send_message(initiative=initiative, author=broker, text="Tot zaterdag!")
    )
    resident.page.locator("#initiative-thread").get_by_text("Tot zaterdag!").wait_for()


def test_the_brokers_initiative_page_and_queue(live_visitors, asgi_server, conversation):
    from initiatives.services import initiative_send_message

    initiative, initiator, broker = conversation
    workspace = live_visitors(1280, session_for(broker), strict=False)
    workspace.goto(f"/beheer/initiatieven/{initiative.reference}/")
    queue = live_visitors(1280, session_for(broker), strict=False)
    queue.goto("/beheer/initiatieven/?wachtrij=mijn")
    workspace.page.locator("#initiative-live[data-live=on]").wait_for(state="attached")
    survive_a_drop(queue, asgi_server, "#initiatives-queue-live")
    survive_a_drop(workspace, asgi_server, "#initiative-live")

    on_server(
        lambda: initiative_send_message(
            initiative=initiative, author=initiator, text="Ja, om tien uur."
        )
    )
    workspace.page.locator("#initiative-thread").get_by_text("Ja, om tien uur.").wait_for()
    notice = queue.page.locator("#initiatives-queue-live").get_by_role("link")
    notice.filter(has_text=initiative.reference).first.wait_for()


def test_the_turnout_of_a_round(live_visitors, asgi_server, wijken, resident_factory):
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory
    from participation.wijkbudget.services import ballot_cast

    round = RoundFactory(wijken=[wijken["moerwijk"]])
    proposal = ProposalFactory(round=round)
    voter = resident_factory()
    resident = live_visitors(360)
    resident.goto(f"/wijkbudget/{round.slug}/")
    assert resident.page.inner_text("[data-turnout]") == "0"
    survive_a_drop(resident, asgi_server, "#live-updates")

    on_server(lambda: ballot_cast(round=round, selection={proposal.pk: 1}, user=voter))
    resident.page.locator("[data-turnout]", has_text=re.compile(r"^1$")).wait_for()


def test_the_turnout_only_goes_up(live_visitors, asgi_server, wijken):
    """Two ballots taken by different web workers publish their turnout in either order (the
    voting day benchmark hears it): the page keeps the higher number."""
    from common.realtime import send_event_now
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory
    from participation.wijkbudget.services.base import round_group

    round = RoundFactory(wijken=[wijken["moerwijk"]])
    ProposalFactory(round=round)
    resident = live_visitors(360)
    resident.goto(f"/wijkbudget/{round.slug}/")
    resident.page.locator("#live-updates[data-live=on]").wait_for(state="attached")
    group = round_group(round.pk)

    on_server(lambda: send_event_now(group, "turnout", {"turnout": 5}))
    resident.page.locator("[data-turnout]", has_text=re.compile(r"^5$")).wait_for()
    on_server(lambda: send_event_now(group, "turnout", {"turnout": 4}))
    resident.page.wait_for_timeout(500)
    assert resident.page.inner_text("[data-turnout]") == "5"
    on_server(lambda: send_event_now(group, "turnout", {"turnout": 6}))
    resident.page.locator("[data-turnout]", has_text=re.compile(r"^6$")).wait_for()


def test_mijn_zuidwest(live_visitors, asgi_server, resident_factory):
    from common.notifications import notify

    user = resident_factory()
    resident = live_visitors(360, session_for(user))
    resident.goto("/mijn/")
    survive_a_drop(resident, asgi_server, "#live-updates")

    on_server(lambda: notify(event="welcome", context={"title": "Welkom"}, user=user))
    resident.page.get_by_text("U heeft een nieuw bericht.").wait_for()


def test_a_refused_socket_is_not_asked_again(live_visitors, asgi_server, melding):
    """The server refuses at the handshake (it cannot send a close code there): the page stops
    after three tries instead of knocking for as long as it is open, and says nothing."""
    from meldingen.factories import TEST_SECRET
    from meldingen.services import follow_path

    resident = live_visitors(360)
    page = resident.page
    page.add_init_script(
        """(() => { const Real = window.WebSocket; window.socketsOpened = 0;
        window.WebSocket = function (url) { window.socketsOpened += 1; return new Real(url); };
        window.WebSocket.prototype = Real.prototype; })();"""
    )

    # The page as the server sends it, but with a socket path no consumer knows.
    def unknown_socket(route):
        response = route.fetch()
        body = response.text().replace('data-live-socket="/ws/melding/', 'data-live-socket="/ws/x/')
        route.fulfill(response=response, body=body)

    path = follow_path(melding, TEST_SECRET)
    page.route(f"**{path}", unknown_socket)
    resident.goto(path)
    page.locator("#live-updates[data-live=refused]").wait_for(state="attached")
    page.wait_for_timeout(4000)
    assert page.evaluate("window.socketsOpened") == 3
    assert page.inner_text(".live-status") == ""
