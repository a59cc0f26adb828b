"""What every demo command shares: it refuses to run without DEBUG (or --force), because it
makes content (and accounts) a real site must not have, and it makes sure of the wijken and
afdelingen that the demo content refers to, all in one transaction."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.loaders import load_afdelingen, load_wijken
from common.models import Wijk


class DemoCommand(BaseCommand):
    refusal = ""  # why the command needs DEBUG, in the words of its error

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Also when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(self.refusal)
        with transaction.atomic():
            if not Wijk.objects.exists():
                load_wijken()
            load_afdelingen()
            self.seed()

    def seed(self) -> None:
        raise NotImplementedError
