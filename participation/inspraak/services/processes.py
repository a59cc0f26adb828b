"""Publishing a process (after the clashes were seen), its follow-up report, and the reminders
to owners whose report is late."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from common.feedback import ledger
from common.notifications import notify

from .. import rules, workflow
from ..models import DEADLINES, Process, audiences_overlap
from .base import ClashesNotConfirmed, ProcessError, dutch_url, locked

LEDGER_SOURCE = "inspraak"
REMIND_EVERY = dt.timedelta(days=7)


def process_clashes(process: Process) -> list[Process]:
    """Other processes (published or planned) in one of the same wijken, for an overlapping
    audience, whose dates overlap. Runs in two queries, however many processes exist."""
    wijk_ids = list(process.wijken.values_list("pk", flat=True))
    candidates = (
        Process.objects.exclude(pk=process.pk)
        .filter(wijken__in=wijk_ids)
        .between(process.starts_on, process.ends_on)
        .select_related("afdeling")
        .distinct()
        .order_by("starts_on", "pk")
    )
    return [other for other in candidates if audiences_overlap(process.audience, other.audience)]


def process_publish(*, process: Process, actor, confirm_clashes: bool = False) -> Process:
    """Make a process public. Refused to anyone without the publish permission; refused while
    there are clashes that were not confirmed (ClashesNotConfirmed carries them)."""
    if not rules.has_publish_power(actor):
        raise PermissionDenied(_("Alleen een coördinator mag een inspraaktraject publiceren."))
    with transaction.atomic():
        row = locked(process)
        if not workflow.may_publish(row.status):  # a concept is the only thing to publish
            raise ProcessError(_("Dit traject is al gepubliceerd."))
        try:
            row.full_clean()
        except ValidationError as error:
            raise ProcessError(error.messages) from error
        if not row.wijken.exists():
            raise ProcessError(_("Kies minstens één wijk."))
        clashes = process_clashes(row)
        if clashes and not confirm_clashes:
            raise ClashesNotConfirmed(clashes)
        row.status = workflow.Status.GEPUBLICEERD
        row.published_at = timezone.now()
        row.published_by = actor
        row.clashes_confirmed = [other.pk for other in clashes]
        row.save(
            update_fields=[
                "status",
                "published_at",
                "published_by",
                "clashes_confirmed",
                "updated_at",
            ]
        )
    return row


def _followup_deadline(process: Process) -> dt.datetime:
    """The end of the promised day, in our time zone."""
    day_after = process.followup_due + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day_after, dt.time.min))


def process_publish_report(*, process: Process, actor, report: str) -> Process:
    """Publish "wat is er met uw inbreng gedaan": everyone who contributed and can be reached
    hears it; the report goes into the ledger. Publishing again corrects the text but tells
    nobody twice."""
    if not (actor and actor.has_perm("processes.report_process", process)):
        raise PermissionDenied(_("Alleen een coördinator of de eigenaar mag dit publiceren."))
    report = (report or "").strip()
    if not report:
        raise ProcessError(_("Schrijf wat er met de reacties is gedaan."))
    now = timezone.now()
    with transaction.atomic():
        row = locked(process)
        if not workflow.may_report(row.status):
            raise ProcessError(_("Publiceer eerst het traject zelf."))
        first_time = row.report_published_at is None
        row.report = report
        row.report_published_by = actor
        if first_time:
            row.report_published_at = now
        row.save(
            update_fields=["report", "report_published_at", "report_published_by", "updated_at"]
        )
        _tell_contributors(row, now)
        ledger.publish(
            source=LEDGER_SOURCE,
            obj=row,
            title=row.title,
            answer=report,
            answered_at=row.report_published_at,
            wijken=list(row.wijken.all()),
            input_url=dutch_url(row),
            input_summary=row.summary,
            input_received_at=timezone.make_aware(dt.datetime.combine(row.starts_on, dt.time.min)),
            deadline=_followup_deadline(row),
            on_time=DEADLINES.answered_on_time(row),
        )
    return row


def _tell_contributors(process: Process, now) -> int:
    """One message per person: accounts by user, others by email; never twice."""
    waiting = process.contributions.filter(notified_at=None).select_related("user")
    seen_users, seen_emails = set(), set()
    context = {
        "title": process.title,
        "url": dutch_url(process),
        "report": process.report,
    }
    already = process.contributions.exclude(notified_at=None)
    seen_users |= set(already.exclude(user=None).values_list("user_id", flat=True))
    seen_emails |= {e for e in already.values_list("email", flat=True) if e}
    sent = 0
    for contribution in waiting:
        user = contribution.user
        if user is not None and user.is_active:
            if user.pk not in seen_users:
                notify(
                    event="process_report",
                    context=context,
                    user=user,
                    language=contribution.language,
                )
                sent += 1
            seen_users.add(user.pk)
            seen_emails.add(user.email.lower())
        elif (
            contribution.email
            and contribution.email_confirmed_at is not None
            and contribution.email not in seen_emails
        ):
            notify(
                event="process_report",
                context=context,
                email=contribution.email,
                language=contribution.language,
            )
            seen_emails.add(contribution.email)
            sent += 1
    waiting.update(notified_at=now)
    return sent


def processes_remind_owners(*, now=None) -> int:
    """Remind the owner (or the department) of every overdue process, once a week until the
    report is out."""
    now = now or timezone.now()
    overdue = (
        Process.objects.overdue(now)
        .filter(Q(reminded_at=None) | Q(reminded_at__lt=now - REMIND_EVERY))
        .select_related("owner", "afdeling")
    )
    reminded = 0
    for process in overdue:
        context = {
            "title": process.title,
            "followup_due": process.followup_due.isoformat(),
            "url": dutch_url(process),
            "contributions": process.contributions.count(),
        }
        if process.owner is not None and process.owner.is_active:
            notify(event="process_followup_overdue", context=context, user=process.owner)
        elif process.afdeling.email:
            notify(event="process_followup_overdue", context=context, email=process.afdeling.email)
        else:
            continue
        Process.objects.filter(pk=process.pk).update(reminded_at=now)
        reminded += 1
    return reminded
