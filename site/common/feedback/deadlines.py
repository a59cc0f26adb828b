"""When is an input late, and when was it answered on time? Written once here; each module
declares once which of its fields and statuses mean what (a `Deadlines`), and every public
figure, staff list, map, e-mail, reminder job and the follow-up ledger asks that declaration.

The one meaning, the same in every module:

- **The promise** is the date we told the resident (`promise`). It is never moved. When work
  takes longer, the module keeps a separate expected date (e.g. `Melding.expected_at`) that is
  told to the resident; "late" and "on time" keep counting from the promise. A reopened report
  is a new request and gets a new promise: that is the one time the promise field is written
  again, and the old answer (and its entry in the ledger) goes with it.
- **Late** (`overdue_q`, `is_overdue`): the answer is still owed (status in `waiting`, no answer
  time) and the promise has passed. Counted today, however old the input.
- **Waiting for the resident does not stop the clock.** A report in "reactie gevraagd" stays
  late when its promise passes. Why: the date was promised to the resident, and they see it on
  their follow page; a question sent just before the date must not take the report off the late
  list (the silent disappearance this kernel exists to end); and a fair pause would need the
  paused time from the history, which "answered on time" would then have to subtract too, or
  the two figures disagree again. A handler who waits in vain closes the report with a message.
- **Answered on time** (`on_time_q`, `answered_on_time`): answered by the end of the promise
  (a date promise holds until the end of that day). Answered after it: answered late.
- **Without a promise** an input is neither on time nor late: it is left out of the share.
- **The share** ("op tijd beantwoord") is on time / decided, where decided = answered with a
  promise, or late. An open input that still has time does not count yet, so an overdue input
  never flatters the figure.
- **The period** of every public figure except "now late" is the current month and the eleven
  before it (`period_start`), judged by when the input came in (`received`).
"""

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Expression, F, Q, Value
from django.db.models.functions import TruncDate
from django.db.models.lookups import GreaterThan, IsNull, LessThan, LessThanOrEqual
from django.utils import timezone

PERIOD_MONTHS = 12


def month_starts(today: dt.date, count: int = PERIOD_MONTHS) -> list[dt.date]:
    """The first day of this month and of the `count - 1` months before it, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def period_start(now: dt.datetime | None = None) -> dt.datetime:
    """Midnight (local time) at the start of the oldest month of the public period."""
    first = month_starts(timezone.localdate(now or timezone.now()))[0]
    return dt.datetime.combine(first, dt.time.min, tzinfo=timezone.get_current_timezone())


def _path(obj, path: str):
    for part in path.split("__"):
        if obj is None:
            return None
        obj = getattr(obj, part)
    return obj


@dataclass(frozen=True)
class Deadlines:
    """One module's answer to "what is late here?". Field names may follow relations
    (`round__voting_starts_at`). `answered_at` is a field name, or a function that builds an
    expression when the answer time lives elsewhere (then `answer_of` gives it for one object)."""

    promise: str
    answered_at: str | Callable[[], Expression]
    waiting: Collection[str]
    answered: Collection[str] | None = None  # statuses that count as answered; None: any
    status: str = "status"
    received: str = "created_at"
    promise_is_date: bool = False
    answer_of: Callable[[Any], dt.datetime | None] | None = field(default=None, compare=False)

    # --- query expressions ----------------------------------------------------------------

    def _answer(self):
        if isinstance(self.answered_at, str):
            return F(self.answered_at)
        # A function that builds the expression: a subquery cannot be built before the models.
        return self.answered_at()

    def _answer_cmp(self):
        """The answer time in the promise's unit: a local date for a date promise."""
        return TruncDate(self._answer()) if self.promise_is_date else self._answer()

    def _now(self, now: dt.datetime | dt.date | None):
        """`now` in the promise's unit; a date promise also accepts today's date."""
        now = now or timezone.now()
        if self.promise_is_date and isinstance(now, dt.datetime):
            return timezone.localdate(now)
        return now

    def has_promise_q(self) -> Q:
        return Q(**{f"{self.promise}__isnull": False})

    def waiting_q(self) -> Q:
        """The answer is still owed (with or without a promise)."""
        return Q(**{f"{self.status}__in": list(self.waiting)}) & Q(IsNull(self._answer(), True))

    def overdue_q(self, now: dt.datetime | None = None) -> Q:
        return self.waiting_q() & Q(LessThan(F(self.promise), Value(self._now(now))))

    def answered_q(self) -> Q:
        answered = Q(IsNull(self._answer(), False))
        if self.answered is not None:
            answered &= Q(**{f"{self.status}__in": list(self.answered)})
        return answered

    def on_time_q(self) -> Q:
        return (
            self.answered_q()
            & self.has_promise_q()
            & Q(LessThanOrEqual(self._answer_cmp(), F(self.promise)))
        )

    def answered_late_q(self) -> Q:
        return (
            self.answered_q()
            & self.has_promise_q()
            & Q(GreaterThan(self._answer_cmp(), F(self.promise)))
        )

    def decided_q(self, now: dt.datetime | None = None) -> Q:
        """What the share counts: answered with a promise, or late."""
        return (self.answered_q() & self.has_promise_q()) | self.overdue_q(now)

    def in_period_q(self, start: dt.datetime) -> Q:
        return Q(**{f"{self.received}__gte": start})

    def counts(self, now: dt.datetime | None = None, start: dt.datetime | None = None) -> dict:
        """Aggregates for `.aggregate()` or `.values(...).annotate()`: inputs received in the
        period, answered and on time among them, the share's whole (`decided`), and how many are
        late today (of any age)."""
        now = now or timezone.now()
        period = self.in_period_q(start or period_start(now))
        return {
            "received": Count("pk", filter=period, distinct=True),
            "answered": Count("pk", filter=period & self.answered_q(), distinct=True),
            "on_time": Count("pk", filter=period & self.on_time_q(), distinct=True),
            "decided": Count("pk", filter=period & self.decided_q(now), distinct=True),
            "overdue": Count("pk", filter=self.overdue_q(now), distinct=True),
        }

    # --- the Python twins, for one object -------------------------------------------------

    def _answer_value(self, obj):
        if self.answer_of is not None:
            return self.answer_of(obj)
        return _path(obj, self.answered_at)

    def _answer_unit(self, answered: dt.datetime):
        return timezone.localdate(answered) if self.promise_is_date else answered

    def is_waiting(self, obj) -> bool:
        return _path(obj, self.status) in self.waiting and self._answer_value(obj) is None

    def is_overdue(self, obj, now: dt.datetime | None = None) -> bool:
        promise = _path(obj, self.promise)
        return bool(self.is_waiting(obj) and promise is not None and promise < self._now(now))

    def is_answered(self, obj) -> bool:
        if self._answer_value(obj) is None:
            return False
        return self.answered is None or _path(obj, self.status) in self.answered

    def answered_on_time(self, obj) -> bool | None:
        """True or False once answered with a promise; None otherwise (left out of the share)."""
        promise = _path(obj, self.promise)
        if promise is None or not self.is_answered(obj):
            return None
        return self._answer_unit(self._answer_value(obj)) <= promise


def on_time(answered_at: dt.datetime | None, promise: dt.datetime | None) -> bool | None:
    """The rule for a bare pair of times (a ledger entry): None without a promise or answer."""
    if promise is None or answered_at is None:
        return None
    return answered_at <= promise


class Promised:
    """For a model with one promise, named by its `deadlines`: is it late now, and was it
    answered on time (None without a promise or an answer)."""

    deadlines: Deadlines

    @property
    def is_overdue(self) -> bool:
        return self.deadlines.is_overdue(self)

    @property
    def answered_on_time(self) -> bool | None:
        return self.deadlines.answered_on_time(self)
