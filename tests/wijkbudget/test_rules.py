"""The participation permissions (participation/wijkbudget/rules.py,
participation/inspraak/rules.py), both ways."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.factories import EditorFactory
from participation.inspraak.factories import ProcessFactory

pytestmark = pytest.mark.django_db

# Who holds a round power (review, voting, closing: migration 0002) and so reaches the workspace.
WORKSPACE = {"coordinator", "beheerder", "superuser"}


def test_the_budget_workspace_opens_to_round_powers_only(every_role):
    for name, user in every_role().items():
        assert user.has_perm("participation.use_workspace") is (name in WORKSPACE), name
    assert not AnonymousUser().has_perm("participation.use_workspace")


def test_the_report_is_the_coordinators_or_the_owners(every_role):
    owner = EditorFactory()
    process = ProcessFactory(owner=owner)
    for name, user in every_role().items():
        assert user.has_perm("processes.report_process", process) is (name in WORKSPACE), name
    assert owner.has_perm("processes.report_process", process)
    assert not owner.has_perm("processes.report_process", ProcessFactory())
    assert not AnonymousUser().has_perm("processes.report_process", process)
