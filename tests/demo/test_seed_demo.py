"""`seed_demo` gives a fresh `make run` people to log in as and content to look at."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from meldingen.models import Melding
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories(wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()


def test_demo_users_and_reports_once_however_often_it_runs(settings, categories, client):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    from demo.management.commands.seed_demo import DEMO_USERS

    for email, role, *_rest in DEMO_USERS:
        assert User.objects.get(email=email).groups.filter(name=role).exists()
    assert User.objects.get(email="admin@zuidwest.example").is_superuser
    # Nobody has a password to guess: the demo users log in by code, like everyone.
    assert not [u.email for u in User.objects.all() if u.has_usable_password()]
    demo = Melding.objects.filter(reporter_email="melder@zuidwest.example")
    assert demo.count() == 7
    assert demo.filter(status=Status.AFGEHANDELD).exclude(public_description="").exists()
    assert demo.filter(is_sensitive=True).count() == 1
    # The pin and the postcode agree: each report lies in its postcode's wijk, spread over wijken.
    from common.services import wijk_for_postcode

    assert all(m.wijk == wijk_for_postcode(m.postcode) for m in demo)
    assert demo.values("wijk").distinct().count() >= 4

    handler = User.objects.get(email="behandelaar@zuidwest.example")
    client.force_login(handler)
    queue = client.get("/beheer/meldingen/").content.decode()
    own = demo.filter(afdeling=handler.afdeling, is_sensitive=False)
    assert own.exists()
    assert queue.count("data-reference=") == own.count()
    sensitive = demo.get(is_sensitive=True)
    assert sensitive.reference not in queue  # the handler never sees sensitive reports


def test_refused_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
