"""Editors and coordinators keep the programme's measures up to date (and publish them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["redacteur", "coordinator"]
CODENAMES = ["add_measure", "change_measure", "delete_measure", "publish_measure", "view_measure"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("shop")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="shop", codename__in=CODENAMES)
    )
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="shop", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0004_programme_measures"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
