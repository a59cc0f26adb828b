"""The initiatives permissions (initiatives/rules.py), both ways, and the queue's visibility
rule: what the workspace lists and what the queue consumer hears are the same set."""

import pytest

from accounts.factories import BrokerFactory
from initiatives import rules
from initiatives.consumers import QueueConsumer
from initiatives.rules import broker_group
from initiatives.services.base import queue_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(wijk_broker, every_role):
    return every_role(**{"wijk broker": wijk_broker, "broker without wijken": BrokerFactory()})


@pytest.mark.parametrize(
    ("name", "workspace", "reference_data"),
    [
        ("resident", False, False),
        ("editor", False, False),
        ("handler", False, False),
        ("ondermijning", False, False),
        ("broker", True, False),
        ("wijk broker", True, False),
        ("broker without wijken", True, False),
        ("coordinator", True, True),
        ("beheerder", True, True),
        ("superuser", True, True),
        ("inactive coordinator", False, False),
    ],
)
def test_workspace_and_reference_data_permissions(users, name, workspace, reference_data):
    user = users[name]
    assert user.has_perm("initiatives.use_workspace") is workspace
    assert user.has_perm("initiatives.manage_reference_data") is reference_data


def test_the_workspace_and_the_consumer_describe_the_same_initiatives(users, submit, taken, wijken):
    other_broker = users["broker without wijken"]
    initiatives = {
        "moerwijk": submit(),
        "moerwijk, taken": taken(),
        "elsewhere": submit(wijk=wijken["zuiderpark"]),
    }
    assigned = submit(wijk=wijken["zuiderpark"])
    assigned.broker = other_broker
    assigned.save(update_fields=["broker"])
    initiatives["assigned elsewhere"] = assigned
    expected = {
        "resident": set(),
        "editor": set(),
        "handler": set(),
        "ondermijning": set(),
        "broker": set(),
        "wijk broker": {"moerwijk", "moerwijk, taken"},
        "broker without wijken": {"assigned elsewhere"},
        "coordinator": set(initiatives),
        "beheerder": set(initiatives),
        "superuser": set(initiatives),
        "inactive coordinator": set(),
    }
    consumer = QueueConsumer()
    for name, user in users.items():
        joined = set(consumer.get_groups(user))
        heard = {
            key
            for key, i in initiatives.items()
            if queue_group(i) in joined or (i.broker_id and broker_group(i.broker_id) in joined)
        }
        listed = {
            key
            for key, i in initiatives.items()
            if rules.visible_to_staff(user).filter(pk=i.pk).exists()
        }
        assert heard == listed == expected[name], name


def test_only_the_assigned_broker_acts_and_only_a_free_initiative_is_taken(users, submit, taken):
    free, mine = submit(), taken()
    broker, coordinator = users["wijk broker"], users["coordinator"]
    assert rules.is_take_allowed(broker, free)
    assert not rules.is_take_allowed(broker, mine)
    assert not rules.is_take_allowed(users["broker without wijken"], free)
    assert rules.is_assigned_broker(broker, mine)
    assert not rules.is_assigned_broker(broker, free)
    assert not rules.is_assigned_broker(users["superuser"], mine)
    assert rules.is_hand_off_allowed(coordinator, free)
    assert rules.is_hand_off_allowed(broker, mine)
    assert not rules.is_hand_off_allowed(broker, free)


def test_the_initiator_withdraws_and_a_stranger_may_not(users, submit):
    initiative = submit()
    assert rules.is_initiator_side(initiative.initiator, initiative)
    assert rules.is_withdraw_allowed(initiative.initiator, initiative)
    for name in ("resident", "wijk broker", "superuser"):
        assert not rules.is_initiator_side(users[name], initiative), name
        assert not rules.is_withdraw_allowed(users[name], initiative), name
