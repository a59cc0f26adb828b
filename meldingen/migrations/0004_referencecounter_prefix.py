"""Reference counters per (prefix, year): public reports keep ZW-<year>-<n> and carry on from
where they were; sensitive reports get their own ZWV sequence from here on."""

from django.db import migrations, models


def carry_on(apps, schema_editor):
    Old = apps.get_model("meldingen", "OldReferenceCounter")
    New = apps.get_model("meldingen", "ReferenceCounter")
    New.objects.bulk_create(
        New(prefix="ZW", year=row.year, last=row.last) for row in Old.objects.all()
    )


def back(apps, schema_editor):
    Old = apps.get_model("meldingen", "OldReferenceCounter")
    New = apps.get_model("meldingen", "ReferenceCounter")
    Old.objects.bulk_create(
        Old(year=row.year, last=row.last) for row in New.objects.filter(prefix="ZW")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0003_subscription_confirmed_at"),
    ]

    operations = [
        migrations.RenameModel("ReferenceCounter", "OldReferenceCounter"),
        migrations.CreateModel(
            name="ReferenceCounter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("prefix", models.CharField(max_length=10)),
                ("year", models.PositiveIntegerField()),
                ("last", models.PositiveIntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("prefix", "year"), name="meldingen_counter_prefix_year"
                    )
                ],
            },
        ),
        migrations.RunPython(carry_on, back),
        migrations.DeleteModel("OldReferenceCounter"),
    ]
