"""Who works on processes: coordinators and beheerders plan and publish them; editors may
prepare a concept but not publish it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDIT = ["add_process", "change_process", "view_process"]
GRANTS = {
    "coordinator": [*EDIT, "delete_process", "publish_process"],
    "beheerder": [*EDIT, "delete_process", "publish_process"],
    "redacteur": EDIT,
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("processes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="processes", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="processes").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("processes", "0001_initial"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
