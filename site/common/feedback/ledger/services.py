"""Writing into the ledger: `publish` (create or update the entry for one input), `withdraw`,
`push` (a module's object through its feed, after the commit) and `rebuild` (every feed, repair)."""

from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .fields import entry_fields
from .models import LedgerEntry
from .registry import Feed, all_sources, feed_for


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
    "title_parts",
    "answer_parts",
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


def _write(content_type, rows: Iterable[tuple[int, dict]]) -> int:
    now = timezone.now()
    objects = [
        LedgerEntry(content_type=content_type, object_id=pk, **{**fields, "updated_at": now})
        for pk, fields in rows
    ]
    with transaction.atomic():
        LedgerEntry.objects.bulk_create(
            objects,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=UPDATE_FIELDS,
        )
    return len(objects)


def sync_entries(
    *,
    model,
    source: str,
    answered: QuerySet,
    build: Callable[[QuerySet], Iterable[tuple[int, dict]]],
    full: bool = False,
) -> tuple[int, int]:
    """Make the entries of `source` match `answered` (the inputs of `model` that have a public
    answer): the rebuild of one feed. Only inputs changed since their entry was written are
    rebuilt (`model.updated_at`), unless `full`; `build(queryset)` yields (pk, entry_fields(...))
    for a batch. Entries whose input left `answered` (reopened, made private, deleted) are
    removed. Returns (written, removed)."""
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
        written += _write(
            content_type, build(answered.filter(pk__in=changed[start : start + BATCH]))
        )
    for start in range(0, len(stale), BATCH):
        removed += entries.filter(object_id__in=stale[start : start + BATCH]).delete()[0]
    return written, removed


def refresh(feed: Feed, pk: int) -> bool:
    """Write the entry of one object of `feed` as its module's rows say now, or remove it when
    the object has no public answer (any more). True when an entry is there afterwards."""
    content_type = ContentType.objects.get_for_model(feed.model, for_concrete_model=True)
    rows = list(feed.build(feed.answered().filter(pk=pk)))
    if rows:
        _write(content_type, rows)
        return True
    LedgerEntry.objects.filter(content_type=content_type, object_id=pk).delete()
    return False


def push(obj) -> None:
    """After the running transaction commits (at once outside one): bring the entry of `obj` in
    line with its module's rows. A module calls this from each service that changes what its
    entry shows; the object's model must be a registered feed."""
    found = feed_for(type(obj))
    if found is None:
        raise LookupError(f"No ledger feed is registered for {type(obj).__name__}.")
    _source, feed = found
    pk = obj.pk
    transaction.on_commit(lambda: refresh(feed, pk))


def rebuild(*, full: bool = False) -> dict[str, tuple[int, int]]:
    """(written, removed) per source, over all its feeds: repair after a failure or a change in
    what the ledger shows (`full` rewrites every entry, otherwise only changed inputs)."""
    result = {}
    for key, source in all_sources().items():
        written = removed = 0
        for feed in source.feeds:
            w, r = sync_entries(
                model=feed.model, source=key, answered=feed.answered(), build=feed.build, full=full
            )
            written, removed = written + w, removed + r
        if source.feeds:
            result[key] = (written, removed)
    return result
