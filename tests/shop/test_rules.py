"""The shop's and the agenda's permissions (participation/agenda/rules.py,
site/shop/methods/rules.py), both ways."""

import pytest

pytestmark = pytest.mark.django_db

AGENDA = {"editor", "coordinator", "superuser"}
ADVICE = {"coordinator", "superuser"}


def test_agenda_and_advice_permissions(every_role):
    for name, user in every_role().items():
        assert user.has_perm("agenda.manage_agenda") is (name in AGENDA), name
        assert user.has_perm("shop.answer_advice") is (name in ADVICE), name
