from django.core.management.base import BaseCommand

from common.loaders import load_afdelingen
from meldingen.loaders import load_categories


class Command(BaseCommand):
    help = "Load the report categories (with departments, terms and messages) from the data file."

    def handle(self, *args, **options):
        load_afdelingen()
        self.stdout.write(f"{load_categories()} categorieën geladen.")
