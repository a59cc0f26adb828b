"""An entry without a promised date is neither on time nor late: `on_time` becomes nullable and
the entries that have no deadline lose the True they were given by default. No row is lost."""

from django.db import migrations, models


def forward(apps, schema_editor):
    apps.get_model("ledger", "LedgerEntry").objects.filter(deadline=None).update(on_time=None)


def backward(apps, schema_editor):
    apps.get_model("ledger", "LedgerEntry").objects.filter(on_time=None).update(on_time=True)


class Migration(migrations.Migration):
    dependencies = [("ledger", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="ledgerentry",
            name="on_time",
            field=models.BooleanField(blank=True, null=True, verbose_name="op tijd"),
        ),
        migrations.RunPython(forward, backward),
    ]
