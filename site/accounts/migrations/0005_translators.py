"""Editors and coordinators translate pages (Wagtail's simple translation: "Vertalen" in the page
menu makes a copy in another language to write in). Without this permission an editor could not
translate a new page."""

from django.db import migrations

TRANSLATORS = ["redacteur", "coordinator"]


def give(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="simple_translation", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=TRANSLATORS):
        group.permissions.add(permission)


def take(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=TRANSLATORS):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_six_languages"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(give, take)]
