"""The public figures of "u meldde, wij deden": how many reports, how fast and how well they were
answered, per wijk and for Zuidwest as a whole.

Counts come from aggregate queries (one per figure family, grouped by wijk when asked), so a page
costs the same number of queries for ten reports or ten thousand. Only the median needs the rows
themselves, and then only two timestamps per closed report.

Definitions, as the pages explain them to residents:
- the period is the current month and the eleven before it;
- "nu open" and "nu te laat" are counted today, over all reports, however old;
- "afgehandeld" counts reports closed within the period;
- handling time runs from the report to its *first* closing, in working days;
- "nu te laat" and "op tijd" are those of common/feedback/deadlines.py, through
  `meldingen.models.DEADLINES`: the same numbers as the follow-up ledger and the back office;
- satisfaction is the share of "Is het opgelost?" answers in the period that said yes;
- "hoe gemeld" counts the reports made in the period by the way they reached us
  (common/feedback/channel.py): online by the resident, or at the participatiewinkel's desk or
  on the phone, entered there for the resident.
"""

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from common.feedback import deadlines
from common.feedback.channel import Channel
from common.feedback.deadlines import month_starts
from common.workdays import working_days_between
from meldingen.models import DEADLINES, Category, Feedback, Melding, Photo, StatusChange
from meldingen.workflow import CLOSED, OPEN, Status

OUTCOMES_SHOWN = 6


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, e.g. 2 of 3 answered on time."""

    part: int = 0
    whole: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.part / self.whole) if self.whole else None


@dataclass
class Figures:
    reports: int = 0  # made in the period
    open: int = 0  # open now
    overdue: int = 0  # open now and past the deadline
    closed: int = 0  # closed in the period
    median_days: float | None = None
    on_time: Share = field(default_factory=Share)
    satisfied: Share = field(default_factory=Share)


def clock() -> dt.datetime:
    """The one clock of the figures (a test can stop it)."""
    return timezone.now()


# --- pure helpers -------------------------------------------------------------------------------


def period_start(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight (local time) at the start of the oldest month of the period."""
    return deadlines.period_start(now or clock())


def median_working_days(pairs: Iterable[tuple[dt.datetime, dt.datetime]]) -> float | None:
    """Median number of working days between each (reported, closed) pair, in local dates."""
    days = [
        working_days_between(timezone.localdate(start), timezone.localdate(end))
        for start, end in pairs
    ]
    return statistics.median(days) if days else None


# --- queries ------------------------------------------------------------------------------------


def first_closed_at():
    """When a report was first closed: its first closing in the history; reports without one
    (imported, or made by a factory) fall back to `closed_at`."""
    first = (
        StatusChange.objects.filter(melding=OuterRef("pk"), to_status__in=CLOSED)
        .order_by("created_at", "pk")
        .values("created_at")[:1]
    )
    return Coalesce(Subquery(first), F("closed_at"), output_field=DateTimeField())


def _counts(start: dt.datetime, now: dt.datetime) -> dict:
    shared = DEADLINES.counts(now, start)
    return {
        "reports": shared["received"],
        "open": Count("pk", filter=Q(status__in=OPEN)),
        "overdue": shared["overdue"],
        "closed": Count("pk", filter=Q(closed_at__isnull=False, closed_at__gte=start)),
        "on_time": shared["on_time"],
        "decided": shared["decided"],
    }


def _collect(meldingen: QuerySet, *, now: dt.datetime | None, by_wijk: bool) -> dict:
    """Figures keyed by wijk id (by_wijk) or under the single key None."""
    now = now or clock()
    start = period_start(now)
    meldingen = meldingen.order_by()
    result: dict = defaultdict(Figures)

    if by_wijk:
        rows = meldingen.values("wijk_id").annotate(**_counts(start, now))
    else:
        rows = [{"wijk_id": None, **meldingen.aggregate(**_counts(start, now))}]
    for row in rows:
        figures = result[row["wijk_id"]]
        for name in ("reports", "open", "overdue", "closed"):
            setattr(figures, name, row[name])
        figures.on_time = Share(row["on_time"], row["decided"])

    durations = defaultdict(list)
    closed_rows = (
        meldingen.filter(created_at__gte=start)
        .annotate(first_closed=first_closed_at())
        .filter(first_closed__isnull=False)
        .values_list("wijk_id", "created_at", "first_closed")
    )
    for wijk_id, created, first_closed in closed_rows:
        durations[wijk_id if by_wijk else None].append((created, first_closed))
    for key, pairs in durations.items():
        result[key].median_days = median_working_days(pairs)

    answers = Feedback.objects.filter(melding__in=meldingen, created_at__gte=start).order_by()
    counts = {"total": Count("pk"), "yes": Count("pk", filter=Q(satisfied=True))}
    if by_wijk:
        feedback = answers.values("melding__wijk_id").annotate(**counts)
    else:
        feedback = [{"melding__wijk_id": None, **answers.aggregate(**counts)}]
    for row in feedback:
        result[row["melding__wijk_id"]].satisfied = Share(row["yes"], row["total"])
    return result


def figures(meldingen: QuerySet, *, now: dt.datetime | None = None) -> Figures:
    """All figures for the given reports together (one wijk, or all of Zuidwest)."""
    return _collect(meldingen, now=now, by_wijk=False)[None]


def figures_by_wijk(meldingen: QuerySet, *, now: dt.datetime | None = None) -> dict:
    """{wijk id: Figures}; wijken without reports are missing (use Figures() for them)."""
    return dict(_collect(meldingen, now=now, by_wijk=True))


@dataclass
class Monthly:
    """Reports per main category per month: `counts[(category id, month)]`."""

    months: list[dt.date]
    categories: list[Category]
    counts: dict[tuple[int, dt.date], int]

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def rows(self) -> list[tuple[dt.date, list[int], int]]:
        """(month, count per category in `categories` order, month total), oldest first."""
        table = []
        for month in self.months:
            values = [self.counts.get((c.pk, month), 0) for c in self.categories]
            table.append((month, values, sum(values)))
        return table


def monthly_by_category(meldingen: QuerySet, *, now: dt.datetime | None = None) -> Monthly:
    now = now or clock()
    months = month_starts(timezone.localdate(now))
    rows = (
        meldingen.filter(created_at__gte=period_start(now))
        .annotate(
            month=TruncMonth("created_at"), main=Coalesce("category__parent_id", "category_id")
        )
        .values("month", "main")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, dt.date], int] = {}
    for row in rows:
        month = timezone.localtime(row["month"]).date()
        counts[(row["main"], month)] = counts.get((row["main"], month), 0) + row["n"]
    main_ids = {key[0] for key in counts}
    categories = list(Category.objects.filter(pk__in=main_ids)) if main_ids else []
    return Monthly(months=months, categories=categories, counts=counts)


def outcomes(meldingen: QuerySet, *, limit: int = OUTCOMES_SHOWN) -> list[Melding]:
    """The latest reports handled with an after-photo; each gets `after_photos`."""
    after = Photo.objects.filter(kind=Photo.Kind.AFTER)
    return list(
        meldingen.filter(status=Status.AFGEHANDELD, closed_at__isnull=False)
        .filter(Exists(after.filter(melding=OuterRef("pk"))))
        .select_related("category__parent", "wijk")
        .prefetch_related(Prefetch("photos", queryset=after, to_attr="after_photos"))
        .order_by("-closed_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class ChannelCount:
    channel: Channel
    count: int

    @property
    def label(self) -> str:
        return self.channel.label


def by_channel(meldingen: QuerySet, *, now: dt.datetime | None = None) -> list[ChannelCount]:
    """Reports made in the period per channel, every channel listed (also with none), in the
    order of `Channel`. One query."""
    rows = (
        meldingen.filter(created_at__gte=period_start(now))
        .order_by()
        .values("channel")
        .annotate(n=Count("pk"))
    )
    counts = {row["channel"]: row["n"] for row in rows}
    return [ChannelCount(channel, counts.get(channel.value, 0)) for channel in Channel]
