"""The promise is never moved (common/feedback/deadlines.py): `expected_at` holds the new date
told to the reporter when the deadline is missed. Reports whose deadline the old overdue job had
already moved get it back: the moved date becomes `expected_at`, and the promise is read from the
overdue mail we sent them ("old_deadline"). Without that mail (erased by retention) the moved
date stays as the promise, as before. No row is lost."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import migrations, models

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _end_of_day(text: str):
    try:
        day = dt.datetime.strptime(text, "%d-%m-%Y").date()
    except (TypeError, ValueError):
        return None
    return dt.datetime.combine(day, dt.time.max, tzinfo=AMSTERDAM)


def forward(apps, schema_editor):
    Melding = apps.get_model("meldingen", "Melding")
    Notification = apps.get_model("common", "Notification")
    for melding in Melding.objects.filter(deadline_notified=True, deadline__isnull=False):
        mail = (
            Notification.objects.filter(
                event="melding_overdue", context__reference=melding.reference
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        promise = _end_of_day(mail.context.get("old_deadline")) if mail else None
        melding.expected_at = melding.deadline
        if promise is not None and promise < melding.deadline:
            melding.deadline = promise
        melding.save(update_fields=["expected_at", "deadline"])


def backward(apps, schema_editor):
    Melding = apps.get_model("meldingen", "Melding")
    for melding in Melding.objects.exclude(expected_at=None):
        melding.deadline = melding.expected_at
        melding.save(update_fields=["deadline"])


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0006_draftphoto_private_photo"),
        ("common", "0003_notification_secret_context"),
    ]

    operations = [
        migrations.AddField(
            model_name="melding",
            name="expected_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Als we de uiterste datum niet halen; de uiterste datum zelf blijft staan.",
                null=True,
                verbose_name="nieuwe verwachte datum",
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
