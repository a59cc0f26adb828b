"""The meldingen permissions (meldingen/rules.py), both ways, and the one visibility rule: for a
user of every role, the queue's reports and the groups the queue consumer joins describe the
same set."""

import pytest

from accounts.factories import HandlerFactory
from common.factories import AfdelingFactory
from meldingen.consumers import QueueConsumer
from meldingen.factories import CategoryFactory, MeldingFactory, SensitiveCategoryFactory
from meldingen.models import Melding
from meldingen.services import queue_group

pytestmark = pytest.mark.django_db
HANDLE = "meldingen.handle_melding"


@pytest.fixture
def reports():
    """One report per place a report can be: two afdelingen, none, and sensitive."""
    own, other = AfdelingFactory(), AfdelingFactory()
    return {
        "own": MeldingFactory(category=CategoryFactory(default_afdeling=own)),
        "other": MeldingFactory(category=CategoryFactory(default_afdeling=other)),
        "none": MeldingFactory(category=CategoryFactory(default_afdeling=None)),
        "sensitive": MeldingFactory(category=SensitiveCategoryFactory()),
    }


@pytest.fixture
def users(reports, every_role):
    return every_role(
        handler=HandlerFactory(afdeling=reports["own"].afdeling),
        **{"handler without afdeling": HandlerFactory(afdeling=None)},
    )


# Which of the four reports each user may handle.
EXPECTED = {
    "resident": set(),
    "broker": set(),
    "editor": set(),
    "handler": {"own"},
    "handler without afdeling": set(),
    "ondermijning": {"sensitive"},
    "coordinator": {"own", "other", "none"},
    "beheerder": {"own", "other", "none"},
    "superuser": {"own", "other", "none", "sensitive"},
    "inactive coordinator": set(),
}


def test_each_role_handles_exactly_its_reports(users, reports):
    for name, user in users.items():
        allowed = {
            key for key, m in reports.items() if user.has_perm("meldingen.handle_melding", m)
        }
        assert allowed == EXPECTED[name], name


def test_the_queue_and_the_consumer_describe_the_same_reports(users, reports):
    consumer = QueueConsumer()
    for name, user in users.items():
        joined = set(consumer.get_groups(user))
        heard = {key for key, m in reports.items() if queue_group(m) in joined}
        listed = set()
        if user.has_perm("meldingen.use_queue"):
            listed = {
                key
                for key, m in reports.items()
                if Melding.objects.visible_to(user).filter(pk=m.pk)
            }
        assert heard == listed == EXPECTED[name], name


def test_the_colleagues_offered_for_a_report_are_those_who_may_handle_it(users, reports):
    from meldingen.rules import colleagues_for

    for key, melding in reports.items():
        offered = set(colleagues_for(melding).filter(pk__in=[u.pk for u in users.values()]))
        may = {u for u in users.values() if u.has_perm(HANDLE, melding)}
        assert offered == may, key


@pytest.mark.parametrize(
    ("name", "queue", "sensitive", "reference_data"),
    [
        ("resident", False, False, False),
        ("broker", False, False, False),
        ("editor", False, False, False),
        ("handler", True, False, False),
        ("ondermijning", True, True, False),
        ("coordinator", True, False, False),
        ("beheerder", True, False, True),
        ("superuser", True, True, True),
        ("inactive coordinator", False, False, False),
    ],
)
def test_queue_sensitive_and_reference_data_permissions(
    users, name, queue, sensitive, reference_data
):
    user = users[name]
    assert user.has_perm("meldingen.use_queue") is queue
    assert user.has_perm("meldingen.view_sensitive_meldingen") is sensitive
    assert user.has_perm("meldingen.manage_reference_data") is reference_data
