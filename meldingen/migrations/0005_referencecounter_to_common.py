"""The reference counters move to the kernel (common.ReferenceCounter): every (prefix, year) row
goes over with its last number, so ZW- and ZWV- references carry on and are never given twice."""

from django.db import migrations

PREFIXES = ("ZW", "ZWV")


def to_common(apps, schema_editor):
    Old = apps.get_model("meldingen", "ReferenceCounter")
    New = apps.get_model("common", "ReferenceCounter")
    for row in Old.objects.all():
        counter, created = New.objects.get_or_create(
            prefix=row.prefix, year=row.year, defaults={"last": row.last}
        )
        if not created and counter.last < row.last:
            counter.last = row.last
            counter.save(update_fields=["last"])


def back(apps, schema_editor):
    Old = apps.get_model("meldingen", "ReferenceCounter")
    New = apps.get_model("common", "ReferenceCounter")
    Old.objects.bulk_create(
        Old(prefix=row.prefix, year=row.year, last=row.last)
        for row in New.objects.filter(prefix__in=PREFIXES)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0004_referencecounter_prefix"),
        ("common", "0004_referencecounter"),
    ]

    operations = [
        migrations.RunPython(to_common, back),
        migrations.DeleteModel("ReferenceCounter"),
    ]
