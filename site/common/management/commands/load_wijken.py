from django.core.management.base import BaseCommand

from common.loaders import load_afdelingen, load_wijken


class Command(BaseCommand):
    help = "Load the wijken of Den Haag Zuidwest and the departments from the data file."

    def handle(self, *args, **options):
        wijken = load_wijken()
        afdelingen = load_afdelingen()
        self.stdout.write(f"{len(wijken)} wijken, {len(afdelingen)} afdelingen geladen.")
