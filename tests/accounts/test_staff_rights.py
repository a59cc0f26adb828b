"""Who may hand out which rights in the back office (/beheer/users/, /beheer/groups/), checked
by POST as a crafted request would do it: a beheerder gives nothing they do not hold, the
sensitive-report role and the superuser flag come only from a superuser, and an account with
more rights than the editor is out of their reach."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from accounts.models import User

pytestmark = pytest.mark.django_db


def edit_url(user) -> str:
    return reverse("wagtailusers_users:edit", args=[user.pk])


def bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={u.pk}" for u in users)
    return reverse("wagtail_bulk_action", args=["accounts", "user", action]) + "?" + ids


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def form_data(user, **changes) -> dict:
    """What the edit form posts for `user` when nothing is changed, plus `changes`."""
    data = {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "is_active": "on" if user.is_active else "",
        "groups": [g.pk for g in user.groups.all()],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value not in ("", None)}


@pytest.fixture
def superuser(user_factory):
    return user_factory(email="super@zuidwest.example", is_superuser=True, is_staff=True)


@pytest.fixture
def colleague(user_factory):
    """Another beheerder: no more rights than the beheerder, so theirs to manage."""
    return user_factory(email="collega@zuidwest.example", role=roles.BEHEERDER)


def offered_groups(page: str) -> set[str]:
    return {g.name for g in Group.objects.all() if f'value="{g.pk}"' in page}


def test_the_beheerder_is_offered_only_the_roles_they_hold_and_no_superuser_flag(
    client, administrator, colleague
):
    client.force_login(administrator)
    for url in (edit_url(colleague), reverse("wagtailusers_users:add")):
        page = client.get(url).content.decode()
        assert offered_groups(page) == {roles.BEHEERDER, roles.BEWONER}
        assert 'name="is_superuser"' not in page
        assert 'name="password1"' not in page  # no passwords: staff log in by code


def test_a_superuser_is_offered_every_role_and_the_superuser_flag(client, superuser, colleague):
    client.force_login(superuser)
    page = client.get(edit_url(colleague)).content.decode()
    assert roles.ONDERMIJNING in offered_groups(page)
    assert offered_groups(page) == set(Group.objects.values_list("name", flat=True))
    assert 'name="is_superuser"' in page


def test_a_beheerder_cannot_give_themselves_the_sensitive_report_role(client, administrator):
    client.force_login(administrator)
    data = form_data(
        administrator, groups=[group(roles.BEHEERDER).pk, group(roles.ONDERMIJNING).pk]
    )
    response = client.post(edit_url(administrator), data)
    assert response.status_code == 200
    assert "U kunt deze rol niet toekennen" in response.content.decode()
    administrator.refresh_from_db()
    assert set(administrator.groups.values_list("name", flat=True)) == {roles.BEHEERDER}


@pytest.mark.parametrize("role", [roles.ONDERMIJNING, roles.REDACTEUR, roles.BEHANDELAAR])
def test_a_beheerder_cannot_give_a_role_they_do_not_hold_to_someone_else(
    client, administrator, colleague, role
):
    client.force_login(administrator)
    data = form_data(colleague, display_name="Nieuwe naam", groups=[group(role).pk])
    response = client.post(edit_url(colleague), data)
    assert response.status_code == 200
    assert "U kunt deze rol niet toekennen" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.display_name != "Nieuwe naam"  # nothing changed, not even the name
    assert set(colleague.groups.values_list("name", flat=True)) == {roles.BEHEERDER}


def test_a_beheerder_cannot_make_a_superuser(client, administrator, colleague):
    client.force_login(administrator)
    response = client.post(edit_url(colleague), form_data(colleague, is_superuser="on"))
    assert response.status_code == 200
    assert "Alleen een superuser kan iemand alle rechten geven" in response.content.decode()
    colleague.refresh_from_db()
    assert not colleague.is_superuser


def test_a_beheerder_cannot_create_an_account_with_more_rights_than_their_own(
    client, administrator
):
    client.force_login(administrator)
    base = {"email": "nieuw@zuidwest.example", "preferred_language": "nl"}
    response = client.post(
        reverse("wagtailusers_users:add"), {**base, "groups": [group(roles.ONDERMIJNING).pk]}
    )
    assert "U kunt deze rol niet toekennen" in response.content.decode()
    response = client.post(reverse("wagtailusers_users:add"), {**base, "is_superuser": "on"})
    assert "Alleen een superuser kan iemand alle rechten geven" in response.content.decode()
    assert not User.objects.filter(email="nieuw@zuidwest.example").exists()


def test_a_beheerder_gives_a_role_they_hold_and_the_account_becomes_staff(
    client, administrator, resident
):
    client.force_login(administrator)
    data = form_data(resident, groups=[group(roles.BEWONER).pk, group(roles.BEHEERDER).pk])
    response = client.post(edit_url(resident), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    resident.refresh_from_db()
    assert set(resident.groups.values_list("name", flat=True)) == {roles.BEWONER, roles.BEHEERDER}
    assert resident.is_staff


def test_a_superuser_grants_the_sensitive_report_role_and_the_superuser_flag(
    client, superuser, colleague
):
    client.force_login(superuser)
    data = form_data(colleague, is_superuser="on", groups=[g.pk for g in Group.objects.all()])
    response = client.post(edit_url(colleague), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    colleague.refresh_from_db()
    assert colleague.is_superuser
    assert colleague.has_role(roles.ONDERMIJNING)


def test_a_beheerder_cannot_touch_a_superuser(client, administrator, superuser):
    """Not the e-mail address (a login code would then go to the new address), not the
    active flag, not the roles."""
    client.force_login(administrator)
    response = client.get(edit_url(superuser))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailusers_users:index")
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("meer rechten" in m for m in messages), messages

    data = form_data(superuser, email="overname@example.org", is_active="")
    response = client.post(edit_url(superuser), data)
    assert response.status_code == 302
    superuser.refresh_from_db()
    assert superuser.email == "super@zuidwest.example" and superuser.is_active
    for query in ("", "?q=zuidwest"):
        listing = client.get(reverse("wagtailusers_users:index") + query).content.decode()
        assert superuser.email in listing and edit_url(superuser) not in listing
        assert edit_url(administrator) in listing


def test_a_beheerder_cannot_touch_an_account_with_a_role_they_lack(client, administrator, editor):
    client.force_login(administrator)
    old_email = editor.email
    response = client.post(edit_url(editor), form_data(editor, email="overname@example.org"))
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.email == old_email


def test_an_account_is_not_copied_with_its_rights_into_a_new_one(client, administrator, superuser):
    client.force_login(administrator)
    assert client.get(f"/beheer/users/copy/{superuser.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("who", "whom", "field", "value"),
    [
        ("administrator", "colleague", "display_name", "Kees"),  # no more rights than theirs
        ("superuser", "editor", "email", "nieuw.adres@example.org"),  # a superuser: anyone
    ],
)
def test_an_account_in_reach_is_changed(client, request, who, whom, field, value):
    target = request.getfixturevalue(whom)
    client.force_login(request.getfixturevalue(who))
    response = client.post(edit_url(target), form_data(target, **{field: value}))
    assert response.status_code == 302
    target.refresh_from_db()
    assert getattr(target, field) == value


def test_bulk_assign_role_gives_only_what_the_beheerder_holds(
    client, administrator, colleague, resident
):
    client.force_login(administrator)
    page = client.get(bulk_url("assign_role", resident)).content.decode()
    assert offered_groups(page) == {roles.BEHEERDER, roles.BEWONER}

    for target in (administrator, resident):
        client.post(bulk_url("assign_role", target), {"role": group(roles.ONDERMIJNING).pk})
        assert not target.groups.filter(name=roles.ONDERMIJNING).exists()

    client.post(bulk_url("assign_role", resident), {"role": group(roles.BEHEERDER).pk})
    resident.refresh_from_db()
    assert resident.has_role(roles.BEHEERDER) and resident.is_staff


def test_bulk_assign_role_by_a_superuser_gives_any_role(client, superuser, colleague):
    client.force_login(superuser)
    client.post(bulk_url("assign_role", colleague), {"role": group(roles.ONDERMIJNING).pk})
    assert colleague.groups.filter(name=roles.ONDERMIJNING).exists()


def test_bulk_deactivate_leaves_accounts_with_more_rights_alone(
    client, administrator, superuser, editor, colleague
):
    client.force_login(administrator)
    client.post(
        bulk_url("set_active_state", superuser, editor, colleague), {"mark_as_active": "False"}
    )
    assert User.objects.get(pk=superuser.pk).is_active
    assert User.objects.get(pk=editor.pk).is_active
    assert not User.objects.get(pk=colleague.pk).is_active


def test_bulk_delete_leaves_accounts_with_more_rights_alone(client, administrator, superuser):
    from django.contrib.auth.models import Permission

    administrator.user_permissions.add(Permission.objects.get(codename="delete_user"))
    client.force_login(administrator)
    client.post(bulk_url("delete", superuser))
    assert User.objects.filter(pk=superuser.pk).exists()


def test_a_beheerder_cannot_open_or_change_the_groups(client, administrator):
    beheerder = group(roles.BEHEERDER)
    client.force_login(administrator)
    assert client.get(reverse("wagtailusers_groups:index")).status_code in (302, 403)
    response = client.post(
        reverse("wagtailusers_groups:edit", args=[beheerder.pk]),
        {"name": "beheerder", "permissions": [p.pk for p in beheerder.permissions.all()]},
    )
    assert response.status_code in (302, 403)
    assert client.get(reverse("wagtailusers_groups:add")).status_code in (302, 403)


def test_even_with_the_group_permissions_a_beheerder_cannot_change_the_groups(
    client, administrator
):
    """Group rights decide everyone's rights: only a superuser edits them."""
    from django.contrib.auth.models import Permission

    administrator.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="auth", codename__endswith="_group")
    )
    ondermijning = group(roles.ONDERMIJNING)
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_groups:edit", args=[ondermijning.pk]),
        {"name": "ondermijning-open", "permissions": []},
    )
    assert response.status_code in (302, 403)
    assert Group.objects.filter(name=roles.ONDERMIJNING).exists()


def test_a_superuser_opens_the_groups(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("wagtailusers_groups:index")).status_code == 200
    response = client.get(reverse("wagtailusers_groups:edit", args=[group(roles.BEHEERDER).pk]))
    assert response.status_code == 200
