from django.db import migrations


class Migration(migrations.Migration):
    """The agenda's models moved to their own app (participation.agenda, label agenda): shop forgets
    them, the tables stay; agenda 0001 takes them over and agenda 0002 renames them."""

    dependencies = [
        ("shop", "0008_advicerequest_email_confirmed_at"),
        ("agenda", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Registration"),
                migrations.DeleteModel(name="Activity"),
            ],
            database_operations=[],
        ),
    ]
