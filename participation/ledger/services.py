"""Writing into the ledger: `publish` (create or update the entry for one input) and `withdraw`."""

import datetime as dt
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from common.feedback.deadlines import on_time as on_time_rule

from .models import LedgerEntry

_UNSET = object()


def entry_fields(
    *,
    source: str,
    title: str,
    answer: str,
    answered_at: dt.datetime,
    wijk=None,
    input_url: str = "",
    input_reference: str = "",
    input_summary: str = "",
    input_received_at: dt.datetime | None = None,
    deadline: dt.datetime | None = None,
    photo_url: str = "",
    is_public: bool = True,
    on_time=_UNSET,
) -> dict:
    """The stored fields of an entry; shared by `publish` and the bulk sync of providers.
    `on_time` is the module's own verdict (its `Deadlines.answered_on_time`); without it the
    kernel's rule for the pair (answered_at, deadline). None: there was no promise."""
    return {
        "source": source,
        "title": title[:200],
        "answer": answer,
        "answered_at": answered_at,
        "wijk": wijk,
        "input_url": input_url,
        "input_reference": input_reference,
        "input_summary": input_summary,
        "input_received_at": input_received_at,
        "deadline": deadline,
        "on_time": on_time_rule(answered_at, deadline) if on_time is _UNSET else on_time,
        "photo_url": photo_url,
        "is_public": is_public,
    }


def publish(*, obj, wijken=None, **fields) -> LedgerEntry:
    """Put the answer to `obj` in the ledger, or update it when it is already there. An input
    about several wijken passes `wijken=[...]` instead of `wijk=`; it is listed in each."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    wijken = list(wijken or [])
    if wijken and fields.get("wijk") is None:
        fields["wijk"] = wijken[0]
    with transaction.atomic():
        entry, _created = LedgerEntry.objects.update_or_create(
            content_type=content_type, object_id=obj.pk, defaults=entry_fields(**fields)
        )
        if wijken or not _created:
            entry.more_wijken.set([w for w in wijken if w != entry.wijk])
    return entry


def withdraw(*, obj) -> int:
    """Take the answer to `obj` out of the ledger (e.g. the input was reopened)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    deleted, _ = LedgerEntry.objects.filter(content_type=content_type, object_id=obj.pk).delete()
    return deleted


UPDATE_FIELDS = [
    "source",
    "title",
    "answer",
    "answered_at",
    "wijk",
    "input_url",
    "input_reference",
    "input_summary",
    "input_received_at",
    "deadline",
    "on_time",
    "photo_url",
    "is_public",
    "updated_at",
]
BATCH = 500


def sync_entries(
    *,
    model,
    source: str,
    answered: QuerySet,
    build: Callable[[QuerySet], Iterable[tuple[int, dict]]],
    full: bool = False,
) -> tuple[int, int]:
    """Make the entries of `source` match `answered` (the inputs of `model` that have a public
    answer), for providers that read a module's models on a schedule. Only inputs changed since
    their entry was written are rebuilt (`model.updated_at`), unless `full`; `build(queryset)`
    yields (pk, entry_fields(...)) for a batch. Entries whose input left `answered` (reopened,
    made private) are removed. Returns (written, removed)."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    entries = LedgerEntry.objects.filter(content_type=content_type, source=source)
    current = dict(answered.values_list("pk", "updated_at"))
    written_at = dict(entries.values_list("object_id", "updated_at"))
    changed = [
        pk
        for pk, updated in current.items()
        if full or pk not in written_at or updated >= written_at[pk]
    ]
    stale = [pk for pk in written_at if pk not in current]
    written = removed = 0
    for start in range(0, len(changed), BATCH):
        now = timezone.now()
        batch = answered.filter(pk__in=changed[start : start + BATCH])
        objects = [
            LedgerEntry(content_type=content_type, object_id=pk, **{**fields, "updated_at": now})
            for pk, fields in build(batch)
        ]
        with transaction.atomic():
            LedgerEntry.objects.bulk_create(
                objects,
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=UPDATE_FIELDS,
            )
        written += len(objects)
    for start in range(0, len(stale), BATCH):
        removed += entries.filter(object_id__in=stale[start : start + BATCH]).delete()[0]
    return written, removed
