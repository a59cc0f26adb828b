from django.core.management.base import BaseCommand

from shop.demo.pages import load_page_tree


class Command(BaseCommand):
    help = "Load the wijken and the CMS page tree (Dutch and English) from the programme document."

    def handle(self, *args, **options):
        home = load_page_tree()
        self.stdout.write(
            f"Page tree ready: {home.title} with {home.get_descendants().count()} pages."
        )
