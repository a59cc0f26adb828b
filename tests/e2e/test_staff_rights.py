"""The user form of the back office in a real browser: a beheerder is offered only the roles
they hold (not the sensitive-report role, not the superuser flag) and cannot open a stronger
account; a superuser is offered everything and grants it."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _orm_between_browser_steps(monkeypatch):
    """As the `visitor` fixture does: Playwright keeps an event loop in this thread, and the
    ORM calls between browser steps are plain synchronous ones."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def open_roles_tab(page):
    page.get_by_role("tab", name="Rollen").click()


def test_a_beheerder_gives_only_what_they_hold(staff_visitor, administrator_factory, user_factory):
    # Names fixed: a random first name shared by two accounts would make the list ambiguous.
    beheerder = administrator_factory(email="beheerder@zuidwest.example", display_name="Bram")
    colleague = administrator_factory(email="collega@zuidwest.example", display_name="Eline")
    superuser = user_factory(
        email="admin@zuidwest.example", display_name="Saskia", is_superuser=True, is_staff=True
    )
    log_in(staff_visitor, beheerder)
    page = staff_visitor.page

    staff_visitor.goto("/beheer/users/")
    assert page.get_by_role("link", name="Eline").is_visible()
    assert page.get_by_role("link", name=superuser.display_name).count() == 0

    staff_visitor.goto(f"/beheer/users/edit/{colleague.pk}/")
    open_roles_tab(page)
    assert page.get_by_label("beheerder", exact=True).is_checked()
    assert page.get_by_label("bewoner", exact=True).is_visible()
    assert page.get_by_label(roles.ONDERMIJNING).count() == 0
    assert page.get_by_label(roles.REDACTEUR).count() == 0
    assert page.locator('[name="is_superuser"]').count() == 0
    page.get_by_role("tab", name="Account").click()
    page.get_by_label("naam die anderen zien").fill("Eline (beheer)")
    staff_visitor.follow(page.get_by_role("button", name="Opslaan"))
    colleague.refresh_from_db()
    assert colleague.display_name == "Eline (beheer)"
    assert colleague.is_active  # saving the form leaves the account active
    assert set(colleague.groups.values_list("name", flat=True)) == {roles.BEHEERDER}

    # A stronger account cannot be opened, not even by typing its address.
    staff_visitor.goto(f"/beheer/users/edit/{superuser.pk}/")
    assert page.url.endswith("/beheer/users/")
    assert page.get_by_text("het heeft meer rechten dan u").is_visible()


def test_a_superuser_grants_the_sensitive_report_role_and_all_rights(
    staff_visitor, administrator_factory, user_factory
):
    superuser = user_factory(email="admin@zuidwest.example", is_superuser=True, is_staff=True)
    colleague = administrator_factory(email="collega@zuidwest.example")
    log_in(staff_visitor, superuser)
    page = staff_visitor.page

    staff_visitor.goto(f"/beheer/users/edit/{colleague.pk}/")
    open_roles_tab(page)
    offered = {name for name in Group.objects.values_list("name", flat=True)}
    for name in offered:
        assert page.get_by_label(name, exact=True).count() == 1, name
    page.get_by_label(roles.ONDERMIJNING, exact=True).check()
    page.get_by_label("Alle rechten (superuser)").check()
    staff_visitor.follow(page.get_by_role("button", name="Opslaan"))
    colleague = User.objects.get(pk=colleague.pk)
    assert colleague.is_superuser
    assert colleague.has_role(roles.ONDERMIJNING)
