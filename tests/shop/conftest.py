import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _dutch():
    """A request to /en/ leaves English active in the test's thread, and `reverse()` in the
    next test would then give /en/ addresses: every test starts in Dutch."""
    translation.activate("nl")
    yield
    translation.activate("nl")
