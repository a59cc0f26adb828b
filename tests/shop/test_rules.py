"""The shop's permissions (site/shop/agenda/rules.py, site/shop/methods/rules.py), both ways."""

import pytest

from accounts import roles
from accounts.factories import (
    AdministratorFactory,
    BrokerFactory,
    CoordinatorFactory,
    EditorFactory,
    ResidentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "agenda", "advice"),
    [
        (ResidentFactory, False, False),
        (BrokerFactory, False, False),
        (AdministratorFactory, False, False),
        (EditorFactory, True, False),
        (CoordinatorFactory, True, True),
        (lambda: UserFactory(is_superuser=True), True, True),
    ],
)
def test_agenda_and_advice_permissions(factory, agenda, advice):
    user = factory()
    assert user.has_perm("shop.manage_agenda") is agenda
    assert user.has_perm("shop.answer_advice") is advice


def test_an_inactive_coordinator_has_neither():
    user = UserFactory(role=roles.COORDINATOR, is_active=False)
    assert not user.has_perm("shop.manage_agenda")
    assert not user.has_perm("shop.answer_advice")
