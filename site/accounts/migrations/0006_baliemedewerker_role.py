"""The desk role of the participatiewinkel: into the back office (the desk area), nothing else."""

from django.db import migrations

NAME = "baliemedewerker"


def create_role(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=NAME)
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin:
        group.permissions.add(access_admin)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_translators")]

    operations = [migrations.RunPython(create_role, remove_role)]
