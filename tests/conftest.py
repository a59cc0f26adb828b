"""Shared fixtures: factories registered as fixtures (pytest-factoryboy), the wijken of the data
file, and the demo page tree.

Transactional tests (websockets, browsers, threads) must all use
`django_db(transaction=True, serialized_rollback=True)`: the database is flushed after each and
restored before the next. Mixing in transactional tests without serialized_rollback makes the
flush re-create content types under new ids, and the next restore then collides with them."""

import pytest
from pytest_factoryboy import register

from accounts.factories import (
    AdministratorFactory,
    BrokerFactory,
    CoordinatorFactory,
    DeskEmployeeFactory,
    EditorFactory,
    HandlerFactory,
    ResidentFactory,
    UserFactory,
)
from common.factories import AfdelingFactory, WijkFactory

register(UserFactory)
register(ResidentFactory, "resident")
register(BrokerFactory, "broker")
register(HandlerFactory, "handler")
register(EditorFactory, "editor")
register(CoordinatorFactory, "coordinator")
register(AdministratorFactory, "administrator")
register(DeskEmployeeFactory, "desk_employee")
register(WijkFactory)
register(AfdelingFactory)


@pytest.fixture
def every_role(db):
    """One user of every role, a superuser and an inactive coordinator, by name, for the
    permission tests; `every_role(handler=...)` replaces or adds users."""

    def make(**users):
        from accounts import roles

        inactive = CoordinatorFactory()
        inactive.is_active = False
        inactive.save()
        return {
            "resident": ResidentFactory(),
            "broker": BrokerFactory(),
            "editor": EditorFactory(),
            "handler": HandlerFactory(),
            "ondermijning": UserFactory(role=roles.ONDERMIJNING),
            "coordinator": CoordinatorFactory(),
            "beheerder": AdministratorFactory(),
            "superuser": UserFactory(is_superuser=True),
            "inactive coordinator": inactive,
            **users,
        }

    return make


@pytest.fixture
def wijken(db):
    from common.loaders import load_wijken

    return {w.slug: w for w in load_wijken()}


@pytest.fixture
def moerwijk(wijken):
    """The wijk most tests are set in."""
    return wijken["moerwijk"]


@pytest.fixture
def page_tree(db):
    from demo.pages import load_page_tree

    return load_page_tree()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch: a request under /en/ leaves English active in the thread, and
    reverse() would then build English URLs in the next test."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits live in the cache; one test's requests must not throttle the next."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """Each test gets its own channel layer object. The layer is a process-wide singleton that
    remembers the event loop it receives on; a test's ASGI server thread that stops while a
    websocket is still open leaves a receive behind on a loop that is gone, and the Redis layer
    then refuses every later receive in that worker ('Two event loops are trying to receive()').
    A production worker has one loop for its whole life, so this only concerns tests."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture
def confirm_link():
    """The path of the confirmation link ('Ja, dit was ik') in the last mail to `address`."""
    import re

    from django.core import mail

    def find(address: str) -> str:
        bodies = [m.body for m in mail.outbox if address in m.to]
        assert bodies, f"no mail to {address}"
        match = re.search(r"https?://[^/\s]+(/(?:en/)?e-mail/bevestigen/[^/\s]+/)", bodies[-1])
        assert match, "no confirmation link in the mail"
        return match.group(1)

    return find


@pytest.fixture
def honeypot(caplog, client, django_capture_on_commit_callbacks):
    """Checks shared by every form with a honeypot (common.forms.honeypot_field): the field is
    out of the tab order and hidden from screen readers, and a filled one is logged."""
    import logging
    import re

    from django.core import mail

    class Honeypot:
        def assert_bot_thanked(self, url: str, data: dict, *, where: str) -> None:
            """The form at `url` hides its honeypot; filled in, it thanks the bot, sends no
            mail and logs the catch (the caller checks that nothing was stored)."""
            self.assert_hidden(client.get(url).content.decode())
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(url, {**data, "website": "http://spam.example"})
            assert response.status_code == 200 and "Bedankt" in response.content.decode()
            assert mail.outbox == []
            self.assert_logged(where)

        def assert_hidden(self, html: str) -> None:
            match = re.search(
                r'<div class="honeypot" aria-hidden="true">(?:(?!</form>).)*?'
                r'(<input[^>]*name="website"[^>]*>)',
                html,
                re.S,
            )
            assert match, "the honeypot is not inside an aria-hidden wrapper"
            field = match.group(1)
            assert 'tabindex="-1"' in field and 'autocomplete="off"' in field

        def assert_logged(self, where: str) -> None:
            warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
            assert any("Honeypot" in r.getMessage() and where in r.getMessage() for r in warnings)
            assert not any("spam.example" in r.getMessage() for r in caplog.records)

    caplog.set_level(logging.WARNING, logger="common.forms")
    return Honeypot()
