from django.core.management.base import BaseCommand

from participation.ledger.sources import sync_all


class Command(BaseCommand):
    help = "Bring the follow-up ledger up to date with meldingen and initiatives."

    def handle(self, *args, **options):
        for source, (kept, removed) in sync_all().items():
            self.stdout.write(f"{source}: {kept} entries, {removed} removed")
