"""The proposal history becomes a kernel status event: it gains the state it came from and the
kind of actor. Existing rows are filled in from what they already say: `from_status` is the
state the previous event of the same proposal moved to (empty for the first), and the actor kind
is the proposer's when the proposer made the move, the municipality's for another account, and
the system's when no account is known."""

from django.db import migrations, models

FEASIBILITY = [
    ("ingediend", "Ingediend, nog niet beoordeeld"),
    ("haalbaar", "Haalbaar: komt op het stembiljet"),
    ("niet_haalbaar", "Niet haalbaar"),
    ("samengevoegd", "Samengevoegd met een ander voorstel"),
]
ACTOR = [("proposer", "indiener"), ("staff", "gemeente"), ("system", "systeem")]


def fill_in(apps, schema_editor):
    ProposalEvent = apps.get_model("participation", "ProposalEvent")
    rows = ProposalEvent.objects.select_related("proposal").order_by(
        "proposal_id", "created_at", "pk"
    )
    previous: dict[int, str] = {}
    changed = []
    for row in rows.iterator():
        row.from_status = previous.get(row.proposal_id, "")
        previous[row.proposal_id] = row.to_status
        if row.actor_id is None:
            row.actor_kind = "system"
        elif row.actor_id == row.proposal.proposer_id:
            row.actor_kind = "proposer"
        else:
            row.actor_kind = "staff"
        changed.append(row)
    ProposalEvent.objects.bulk_update(changed, ["from_status", "actor_kind"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposalevent",
            name="from_status",
            field=models.CharField(blank=True, choices=FEASIBILITY, default="", max_length=30),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="proposalevent",
            name="actor_kind",
            field=models.CharField(choices=ACTOR, default="system", max_length=10),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="proposalevent",
            name="to_status",
            field=models.CharField(choices=FEASIBILITY, max_length=30),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
