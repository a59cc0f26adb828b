import pytest
from django.contrib.auth.models import Group

from accounts import roles

pytestmark = pytest.mark.django_db


def test_the_roles_exist_after_migrating():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ROLES) | {roles.ONDERMIJNING} <= names


def test_a_resident_cannot_open_the_wagtail_admin(client, resident):
    client.force_login(resident)
    response = client.get("/beheer/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
    assert client.get("/beheer/pages/").status_code in (302, 403)


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/beheer/")


@pytest.mark.parametrize(
    "fixture", ["editor", "coordinator", "broker", "handler", "administrator", "desk_employee"]
)
def test_staff_roles_can_open_the_wagtail_admin(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get("/beheer/").status_code == 200


def test_an_editor_may_edit_pages_and_a_broker_may_not(editor, broker, page_tree):
    assert page_tree.permissions_for_user(editor).can_edit()
    assert not page_tree.permissions_for_user(broker).can_edit()


def test_only_the_beheerder_edits_wijken(administrator, editor):
    assert administrator.has_perm("common.change_wijk")
    assert not editor.has_perm("common.change_wijk")


def test_a_beheerder_creates_a_handler_with_name_and_department(client, administrator, afdeling):
    from accounts.models import User

    client.force_login(administrator)
    administrator.is_superuser = True  # managing users needs the user permissions
    administrator.save()
    handler_group = Group.objects.get(name=roles.BEHANDELAAR)
    response = client.post(
        "/beheer/users/new/",
        {
            "email": "nieuwe.behandelaar@zuidwest.example",
            "display_name": "Noor",
            "preferred_language": "nl",
            "afdeling": afdeling.pk,
            "groups": [handler_group.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    created = User.objects.get(email="nieuwe.behandelaar@zuidwest.example")
    assert created.display_name == "Noor"
    assert created.afdeling == afdeling
    assert created.has_perm("wagtailadmin.access_admin")
