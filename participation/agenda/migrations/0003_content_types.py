from django.db import migrations

MODELS = ["activity", "registration"]


def move_content_types(apps, schema_editor):
    """The content types of the moved models change app label, shop -> agenda, in place, so the
    permissions, group rights, Wagtail revisions and log entries that point at them follow. On a
    fresh database there is nothing to move yet: post_migrate creates agenda's own."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = ContentType.objects.filter(app_label="shop", model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label="agenda", model=model).first()
        if new is not None:
            # Both exist (a migrate that stopped half-way): keep the old row, which holds the
            # history, and give it the permissions the new one has and it lacks.
            have = set(
                Permission.objects.filter(content_type=old).values_list("codename", flat=True)
            )
            Permission.objects.filter(content_type=new).exclude(codename__in=have).update(
                content_type=old
            )
            new.delete()
        old.app_label = "agenda"
        old.save(update_fields=["app_label"])


def move_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="agenda", model__in=MODELS).update(app_label="shop")


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0002_tables"),
        ("shop", "0009_agenda_moves_out"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(move_content_types, move_back)]
