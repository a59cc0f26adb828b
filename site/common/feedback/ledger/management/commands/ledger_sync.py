from django.core.management.base import BaseCommand

from common.feedback import ledger


class Command(BaseCommand):
    help = (
        "Rebuild the follow-up ledger from the modules' rows (repair: the modules push their "
        "entries as they change)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true", help="Rewrite every entry, not only changed ones."
        )

    def handle(self, *args, full=False, **options):
        for source, (written, removed) in ledger.rebuild(full=full).items():
            self.stdout.write(f"{source}: {written} written, {removed} removed")
