from django.db import migrations


class Migration(migrations.Migration):
    """The agenda's own table names: shop_activity -> agenda_activity, shop_registration ->
    agenda_registration (scripts/migrate-forward.map)."""

    dependencies = [
        ("agenda", "0001_initial"),
    ]

    operations = [
        migrations.RenameIndex(
            model_name="activity",
            new_name="agenda_acti_wijk_id_5618fc_idx",
            old_name="shop_activi_wijk_id_f45c34_idx",
        ),
        migrations.AlterModelTable(
            name="activity",
            table=None,
        ),
        migrations.AlterModelTable(
            name="registration",
            table=None,
        ),
    ]
