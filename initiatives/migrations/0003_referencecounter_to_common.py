"""The reference counter moves to the kernel (common.ReferenceCounter) under the prefix IN: each
year's last number goes over, so IN- references carry on and are never given twice."""

from django.db import migrations

PREFIX = "IN"


def to_common(apps, schema_editor):
    Old = apps.get_model("initiatives", "ReferenceCounter")
    New = apps.get_model("common", "ReferenceCounter")
    for row in Old.objects.all():
        counter, created = New.objects.get_or_create(
            prefix=PREFIX, year=row.year, defaults={"last": row.last}
        )
        if not created and counter.last < row.last:
            counter.last = row.last
            counter.save(update_fields=["last"])


def back(apps, schema_editor):
    Old = apps.get_model("initiatives", "ReferenceCounter")
    New = apps.get_model("common", "ReferenceCounter")
    Old.objects.bulk_create(
        Old(year=row.year, last=row.last) for row in New.objects.filter(prefix=PREFIX)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_booking_email_confirmed_at"),
        ("common", "0004_referencecounter"),
    ]

    operations = [
        migrations.RunPython(to_common, back),
        migrations.DeleteModel("ReferenceCounter"),
    ]
