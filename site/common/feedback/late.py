"""Staff hear when their work falls late: once per promise, for every module.

A module names what is late (its `Deadlines`, common/feedback/deadlines.py), who does the work
and what the mail says; `tell_staff_late` sends the notice once and notes it in `LateNotice`,
so the next housekeeping run does not send it again. The promise itself is never moved: the
input stays late in every list and figure until it is answered (a new expected date, where a
module gives one, is told to the resident beside the promise).

Meldingen keep their own `deadline_notified` flag, because their notice also gives the
reporter a new expected date in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from common.l10n import iso_day

from .deadlines import Deadlines

Recipient = Any  # a user, or a bare e-mail address (a team's address)


class LateNotice(models.Model):
    """One promise of one input that fell late, and when its staff were told."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    promise = models.CharField(max_length=60)  # the Deadlines' promise field
    promised = models.DateTimeField(null=True)
    told_at = models.DateTimeField(default=timezone.now)

    class Meta:
        app_label = "common"
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "promise"], name="one_late_notice_per_promise"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id} {self.promise}"


def _day(promised) -> str:
    return iso_day(promised) if promised else ""


def tell_staff_late(
    queryset: models.QuerySet,
    deadlines: Deadlines,
    *,
    event: str,
    recipients: Callable[[Any], Iterable[Recipient]],
    context: Callable[[Any], dict],
    now: dt.datetime | None = None,
) -> int:
    """Tell the staff of every input in `queryset` that is late on `deadlines`' promise and
    has not been told yet. `context(obj)` gives the mail's details; the promised day is added as
    "deadline". Returns how many inputs were told about."""
    from common.notifications import notify

    content_type = ContentType.objects.get_for_model(queryset.model)
    told = LateNotice.objects.filter(content_type=content_type, promise=deadlines.promise)
    late = queryset.filter(deadlines.overdue_q(now)).exclude(pk__in=told.values("object_id"))
    count = 0
    for obj in late:
        promised = getattr(obj, deadlines.promise, None)
        # The mail names the promise the same way for every module (the context's "deadline").
        details = {**context(obj), "deadline": _day(promised)}
        if isinstance(promised, dt.date) and not isinstance(promised, dt.datetime):
            promised = None
        try:
            with transaction.atomic():
                LateNotice.objects.create(
                    content_type=content_type,
                    object_id=obj.pk,
                    promise=deadlines.promise,
                    promised=promised,
                )
                for recipient in recipients(obj):
                    if isinstance(recipient, str):
                        notify(event=event, context=details, email=recipient)
                    else:
                        notify(event=event, context=details, user=recipient)
        except IntegrityError:  # another worker told them first
            continue
        count += 1
    return count
