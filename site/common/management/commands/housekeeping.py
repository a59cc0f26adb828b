"""Run by the scheduler (every 10 minutes with `make run`; cron or a systemd timer in
production): queues every periodic job the apps registered in common.schedule."""

from django.core.management.base import BaseCommand, CommandError

from common.schedule import jobs


class Command(BaseCommand):
    help = "Queue the registered periodic jobs (reminders, overdue notices, retention)."

    def add_arguments(self, parser):
        parser.add_argument("--only", action="append", default=[], help="Only this job (repeat).")
        parser.add_argument("--list", action="store_true", help="List the jobs and stop.")

    def handle(self, *args, only=(), list=False, **options):
        registered = jobs()
        if list:
            for name in registered:
                self.stdout.write(name)
            return
        unknown = set(only) - set(registered)
        if unknown:
            raise CommandError(f"Unknown job(s): {', '.join(sorted(unknown))}")
        for name, enqueue in registered.items():
            if only and name not in only:
                continue
            enqueue()
            self.stdout.write(f"{name}: queued")
