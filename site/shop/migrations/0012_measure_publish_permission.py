"""Editors and coordinators may publish the programme's measures.

Migration 0005 meant to grant `publish_measure` with the other measure permissions, but that
permission does not exist yet while migrations run: Wagtail makes it for a snippet with drafts
only after all migrations (`post_migrate`, wagtail.snippets.models.create_extra_permissions).
So the grant found nothing, and the editors saw "Bewaar concept" and no "Publiceren". Here the
permission is made as Wagtail would make it (Wagtail then finds it and makes no second one) and
given to both roles."""

from django.db import migrations

ROLES = ["redacteur", "coordinator"]
CODENAME = "publish_measure"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="shop", model="measure")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can publish maatregel"},
    )
    for name in ROLES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="shop", codename=CODENAME)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0011_locales_for_every_language"),
        ("accounts", "0003_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
