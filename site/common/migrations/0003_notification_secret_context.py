from django.db import migrations, models

# The links with a secret that older rows kept in `context` (the templates that use them).
SECRET_KEYS = {
    "melding_received": ["follow_url"],
    "initiative_booking": ["manage_url", "ics_url"],
    "initiative_invitation": ["accept_url"],
    "agenda_registration": ["manage_url"],
    "agenda_waiting": ["manage_url"],
    "agenda_moved_up": ["manage_url"],
}


def forget_stored_links(apps, schema_editor):
    """Old messages were sent long ago: their links go, the rest of what we told them stays."""
    Notification = apps.get_model("common", "Notification")
    for event, keys in SECRET_KEYS.items():
        for row in Notification.objects.filter(event=event).only("pk", "context").iterator():
            context = dict(row.context or {})
            if any(context.get(key) for key in keys):
                context.update({key: "" for key in keys})
                Notification.objects.filter(pk=row.pk).update(context=context)


class Migration(migrations.Migration):
    dependencies = [
        ("common", "0002_notification_attachments"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="secret_context",
            field=models.JSONField(blank=True, default=dict, verbose_name="geheime gegevens"),
        ),
        migrations.RunPython(forget_stored_links, migrations.RunPython.noop),
    ]
