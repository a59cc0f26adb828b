from django.core.management.base import BaseCommand

from participation.ledger.sources import sync_all


class Command(BaseCommand):
    help = "Bring the follow-up ledger up to date with meldingen and initiatives."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true", help="Rewrite every entry, not only changed ones."
        )

    def handle(self, *args, full=False, **options):
        for source, (written, removed) in sync_all(full=full).items():
            self.stdout.write(f"{source}: {written} written, {removed} removed")
