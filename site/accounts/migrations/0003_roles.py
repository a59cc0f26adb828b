"""Create the platform's roles as groups, with what each may do in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = [
    "bewoner",
    "initiatievenmakelaar",
    "behandelaar",
    "redacteur",
    "coordinator",
    "beheerder",
    "ondermijning",
]
ADMIN_ROLES = [
    "initiatievenmakelaar",
    "behandelaar",
    "redacteur",
    "coordinator",
    "beheerder",
    "ondermijning",
]
MODEL_PERMISSIONS = {
    "beheerder": [
        ("common", "add_wijk"),
        ("common", "change_wijk"),
        ("common", "view_wijk"),
        ("common", "add_afdeling"),
        ("common", "change_afdeling"),
        ("common", "view_afdeling"),
        ("accounts", "add_user"),
        ("accounts", "change_user"),
        ("accounts", "view_user"),
        ("wagtailcore", "add_locale"),
        ("wagtailcore", "change_locale"),
    ],
}
PAGE_EDITORS = {
    "redacteur": ["add_page", "change_page", "publish_page"],
    "coordinator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_EDITORS = ["redacteur", "coordinator"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def create_roles(apps, schema_editor):
    # Model permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name in ADMIN_ROLES:
            group.permissions.add(access_admin)
        for app_label, codename in MODEL_PERMISSIONS.get(name, []):
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
        if root_page:
            for codename in PAGE_EDITORS.get(name, []):
                permission = Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                )
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission
                )
        if root_collection and name in COLLECTION_EDITORS:
            for app_label, codename in COLLECTION_PERMISSIONS:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_initial"),
        ("common", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
