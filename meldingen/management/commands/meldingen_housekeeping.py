"""Run by the scheduler (every 10 minutes with `make run`; cron or a systemd timer in
production): tells reporters about missed deadlines and erases old contact data."""

from django.core.management.base import BaseCommand

from meldingen.tasks import housekeeping


class Command(BaseCommand):
    help = "Queue the meldingen housekeeping task (overdue notices, retention, stale drafts)."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run in this process, not queued.")

    def handle(self, *args, now=False, **options):
        if now:
            self.stdout.write(str(housekeeping.call()))
        else:
            housekeeping.enqueue()
            self.stdout.write("Housekeeping queued.")
