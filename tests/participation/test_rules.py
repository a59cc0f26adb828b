"""The participation permissions (participation/rules.py, participation/processes/rules.py),
both ways."""

import pytest

from accounts.factories import (
    AdministratorFactory,
    BrokerFactory,
    CoordinatorFactory,
    EditorFactory,
    ResidentFactory,
    UserFactory,
)
from participation.processes.factories import ProcessFactory

pytestmark = pytest.mark.django_db

ROLES = {
    "resident": ResidentFactory,
    "broker": BrokerFactory,
    "editor": EditorFactory,
    "coordinator": CoordinatorFactory,
    "beheerder": AdministratorFactory,
}


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("resident", False),
        ("broker", False),
        ("editor", False),
        ("coordinator", True),
        ("beheerder", True),
    ],
)
def test_the_budget_workspace_opens_to_round_powers_only(name, allowed):
    user = ROLES[name]()
    assert user.has_perm("participation.use_workspace") is allowed
    user.is_active = False
    user.save()
    assert not type(user).objects.get(pk=user.pk).has_perm("participation.use_workspace")


def test_anonymous_visitors_have_no_workspace():
    from django.contrib.auth.models import AnonymousUser

    assert not AnonymousUser().has_perm("participation.use_workspace")
    assert not AnonymousUser().has_perm("processes.report_process", ProcessFactory())


def test_the_report_is_the_coordinators_or_the_owners():
    owner = EditorFactory()
    process = ProcessFactory(owner=owner)
    assert owner.has_perm("processes.report_process", process)
    assert CoordinatorFactory().has_perm("processes.report_process", process)
    assert UserFactory(is_superuser=True).has_perm("processes.report_process", process)
    assert not EditorFactory().has_perm("processes.report_process", process)
    assert not ResidentFactory().has_perm("processes.report_process", process)
    assert not owner.has_perm("processes.report_process", ProcessFactory())
