"""Public references: ZW-2026-00012 for a report, IN-2026-00003 for an initiative. One counter
row per prefix and year, locked while a number is handed out, so a number is never given twice
and each sequence runs without gaps."""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone


class ReferenceCounter(models.Model):
    prefix = models.CharField(max_length=10)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "common"
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="common_counter_prefix_year")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


def next_reference(prefix: str, now=None) -> str:
    """The next reference of `prefix` in the (local) year of `now`. Call it inside the
    transaction that stores the reference: the counter row stays locked until that commits, so
    a second caller waits and gets the next number; a rollback gives the number back."""
    year = timezone.localtime(now or timezone.now()).year
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
        except IntegrityError:  # a colleague created the row at the same moment
            pass
        counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
        counter.last = F("last") + 1
        counter.save(update_fields=["last"])
        counter.refresh_from_db(fields=["last"])
    return f"{prefix}-{year}-{counter.last:05d}"
