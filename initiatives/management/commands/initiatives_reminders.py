"""Send the spreekuur reminders for tomorrow (run once a day, e.g. from cron at 10:00).
Idempotent: a booking is reminded once."""

from django.core.management.base import BaseCommand

from initiatives.services import bookings_send_reminders


class Command(BaseCommand):
    help = "Stuur herinneringen voor spreekuurafspraken van morgen."

    def handle(self, *args, **options):
        count = bookings_send_reminders()
        self.stdout.write(f"{count} herinnering(en) verstuurd.")
