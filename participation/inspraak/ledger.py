"""Processes in the ledger. They join through the ledger's public interface like any later
module: counts registered here, entries published by `process_publish_report`.

The unit is the process: "received" are published processes (consultations held), "answered"
those with a follow-up report, "on time" those whose report came by the promised date, and
"overdue" those past that date without one — listed by name on /terugkoppeling/."""

from django.utils.translation import gettext_lazy as _

from common.feedback.ledger import Counts, Overdue, register_source

from .models import DEADLINES, Process


def counts(wijk=None) -> Counts:
    processes = Process.objects.published().in_wijk(wijk)
    return Counts(**processes.order_by().aggregate(**DEADLINES.counts()))


def overdue(wijk, limit: int) -> list[Overdue]:
    processes = Process.objects.overdue().in_wijk(wijk).order_by("followup_due", "pk")
    return [
        Overdue(title=p.title, url=p.get_absolute_url(), deadline=p.followup_due)
        for p in processes.only("title", "slug", "followup_due")[:limit]
    ]


def register() -> None:
    register_source("inspraak", _("Inspraak"), counts, overdue_fn=overdue, unit=_("trajecten"))
