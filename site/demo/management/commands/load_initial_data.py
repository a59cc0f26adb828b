from django.core.management.base import BaseCommand

from demo.agenda import load_demo_activities
from demo.pages import load_page_tree
from meldingen.loaders import load_categories


class Command(BaseCommand):
    help = (
        "Load the wijken, the report categories and the CMS page tree (Dutch and English) "
        "from the data files and the programme document, and demo activities for the agenda."
    )

    def handle(self, *args, **options):
        home = load_page_tree()
        categories = load_categories()
        self.stdout.write(f"{categories} report categories ready.")
        activities = load_demo_activities()
        self.stdout.write(f"{activities} demo activities added to the agenda.")
        self.stdout.write(
            f"Page tree ready: {home.title} with {home.get_descendants().count()} pages."
        )
