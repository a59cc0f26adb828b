"""Terms in working days (werkdagen) for a Dutch municipality, in plain Python.

Legal terms (bezwaar, reactie op een melding, ...) are counted in working days, so weekends and the
"algemeen erkende feestdagen" of the Algemene termijnenwet (art. 3) must be skipped, and deadlines
must be expressed in Dutch local time so a submission at 23:30 UTC counts for the right day.
"""

import datetime as dt
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Meeus/Jones/Butcher); five holidays hang off it."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> MappingProxyType[dt.date, str]:
    # Cached as a read-only view so no caller can alter the cached value.
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)  # Koningsdag since 2014
    if kings_day.weekday() == 6:  # on a Sunday it is celebrated on Saturday 26 April
        kings_day = dt.date(year, 4, 26)
    # Goede Vrijdag is deliberately absent: art. 3 Algemene termijnenwet does not list it, so it is
    # a working day for terms even though many employers give it off.
    holidays = {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        easter: "Eerste Paasdag",
        easter + dt.timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        # The Algemene termijnenwet counts 5 May every year, not only in lustrum years.
        dt.date(year, 5, 5): "Bevrijdingsdag",
        easter + dt.timedelta(days=39): "Hemelvaartsdag",
        easter + dt.timedelta(days=49): "Eerste Pinksterdag",
        easter + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(year, 12, 25): "Eerste Kerstdag",
        dt.date(year, 12, 26): "Tweede Kerstdag",
    }
    return MappingProxyType(dict(sorted(holidays.items())))


def dutch_public_holidays(year: int) -> dict[dt.date, str]:
    """The algemeen erkende feestdagen of `year` (Algemene termijnenwet art. 3), with Dutch names.

    These days do not count as working days. Computed once per year; a fresh dict is returned so
    callers may modify it without corrupting the cache.
    """
    return dict(_holidays(year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a public holiday: only these days count towards a term."""
    return day.weekday() < 5 and day not in _holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(
    start: dt.datetime | dt.date, days: int, *, tz: dt.tzinfo = AMSTERDAM
) -> dt.datetime:
    """Deadline of a term of `days` working days that starts at `start`.

    Rule: the day of submission does not count; the deadline is the end (23:59:59.999999 local
    time, Europe/Amsterdam) of the `days`-th working day after the start day. The start day is
    taken in local time: a naive datetime is read as local time, an aware one is converted first,
    so 23:30 UTC on a summer Monday is a Tuesday submission. `days=0` means the end of the start day
    if that is a working day, otherwise the end of the next working day. Returns an aware datetime
    in `tz`; the UTC offset is that of the deadline's own date, so DST changes are handled.
    """
    if days < 0:
        raise ValueError("Een termijn kan niet negatief zijn.")
    if isinstance(start, dt.datetime):
        local = start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)
        day = local.date()
    else:
        day = start
    if days == 0:
        if not is_working_day(day):
            day = next_working_day(day)
    else:
        for _ in range(days):
            day = next_working_day(day)
    return dt.datetime.combine(day, dt.time.max, tzinfo=tz)


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Number of working days d with start < d <= end (0 when end <= start).

    Like `add_working_days`, the start day itself does not count, so
    `working_days_between(s, add_working_days(s, n).date()) == n` for a working day `s`.
    """
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count
