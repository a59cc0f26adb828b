"""Coordinators and beheerders run budget rounds: edit rounds, judge feasibility, make vote
codes and enter paper ballots, close a round."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_round",
    "change_round",
    "view_round",
    "review_proposals",
    "manage_voting",
    "close_round",
    "view_proposal",
    "change_proposal",
]
ROLES = ["coordinator", "beheerder"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("participation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="participation", codename__in=CODENAMES)
    )
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="participation", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
