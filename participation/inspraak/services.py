"""Every change to a process goes through one function here: publishing (after the clashes
were seen), a resident's contribution, the follow-up report, and the reminders to owners."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from common.confirmation import is_own_verified_address, with_confirmation
from common.feedback import ledger
from common.notifications import notify

from . import rules
from .models import DEADLINES, Contribution, Process, Status, audiences_overlap

LEDGER_SOURCE = "inspraak"
REMIND_EVERY = dt.timedelta(days=7)


class ProcessError(ValidationError):
    """A refused action; the message is for the person who tried it."""


class ClashesNotConfirmed(ProcessError):
    def __init__(self, clashes: list[Process]):
        self.clashes = clashes
        super().__init__(
            _(
                "Er lopen in dezelfde wijk al trajecten voor dezelfde bewoners. "
                "Bekijk ze en bevestig."
            )
        )


def _locked(process: Process) -> Process:
    return Process.objects.select_for_update().get(pk=process.pk)


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
        row = _locked(process)
        if row.is_published:
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
        row.status = Status.GEPUBLICEERD
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


CONTRIBUTION_CONFIRMATION = "inspraak-reaction"


@transaction.atomic
def contribution_create(
    *, process: Process, text: str, name: str = "", email: str = "", user=None
) -> Contribution:
    """Keep a reaction. It counts at once; a typed address without an account gets one
    confirmation mail and hears of the follow-up report only once it is confirmed."""
    text = (text or "").strip()
    if not text:
        raise ProcessError(_("Schrijf eerst uw reactie."))
    if not process.is_open_for_reactions():
        raise ProcessError(_("Reageren op dit traject kan nu niet (meer)."))
    email = email.strip().lower()
    user = user if user is not None and user.is_authenticated else None
    own = is_own_verified_address(user, email)
    contribution = Contribution.objects.create(
        process=process,
        text=text,
        name=name.strip(),
        email=email,
        user=user,
        email_confirmed_at=timezone.now() if own else None,
    )
    if email and user is None:  # with an account, the report goes to the account
        secrets = with_confirmation(
            {}, purpose=CONTRIBUTION_CONFIRMATION, pk=contribution.pk, email=email, confirmed=False
        )
        if secrets is not None:
            notify(
                event="process_reaction_confirm",
                context={
                    "title": process.title,
                    "url": _dutch_url(process),
                    "name": contribution.name,
                },
                secret_context=secrets,
                email=email,
            )
    return contribution


@transaction.atomic
def contribution_refuse_email(*, contribution: Contribution) -> None:
    """'Dit was ik niet': the reaction stays (it is about the neighbourhood, not the address),
    the address is removed and hears nothing."""
    Contribution.objects.filter(pk=contribution.pk).update(email="", email_confirmed_at=None)


def _followup_deadline(process: Process) -> dt.datetime:
    """The end of the promised day, in our time zone."""
    day_after = process.followup_due + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day_after, dt.time.min))


def _dutch_url(process: Process) -> str:
    """Stored and mailed addresses are the Dutch ones (no prefix), whatever the admin's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return process.get_absolute_url()


def process_publish_report(*, process: Process, actor, report: str) -> Process:
    """Publish "wat is er met uw inbreng gedaan": everyone who contributed and can be reached
    hears it; the report goes into the ledger. Publishing again corrects the text but tells
    nobody twice."""
    if not (actor and actor.has_perm("processes.report_process", process)):
        raise PermissionDenied(_("Alleen een coördinator of de eigenaar mag dit publiceren."))
    report = (report or "").strip()
    if not report:
        raise ProcessError(_("Schrijf wat er met de inbreng is gedaan."))
    now = timezone.now()
    with transaction.atomic():
        row = _locked(process)
        if not row.is_published:
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
            input_url=_dutch_url(row),
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
        "url": _dutch_url(process),
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
                notify(event="process_report", context=context, user=user)
                sent += 1
            seen_users.add(user.pk)
            seen_emails.add(user.email.lower())
        elif (
            contribution.email
            and contribution.email_confirmed_at is not None
            and contribution.email not in seen_emails
        ):
            notify(event="process_report", context=context, email=contribution.email)
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
            "url": _dutch_url(process),
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
