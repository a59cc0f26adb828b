import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from common.workdays import (
    add_working_days,
    dutch_public_holidays,
    easter_sunday,
    is_working_day,
    next_working_day,
    working_days_between,
)

AMS = ZoneInfo("Europe/Amsterdam")
END = dt.time(23, 59, 59, 999999)


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, END, tzinfo=AMS)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, dt.date(2024, 3, 31)),
        (2025, dt.date(2025, 4, 20)),
        (2026, dt.date(2026, 4, 5)),
        (2027, dt.date(2027, 3, 28)),
        (2038, dt.date(2038, 4, 25)),  # latest possible date
        (2285, dt.date(2285, 3, 22)),  # earliest possible date
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter
    assert dutch_public_holidays(year)[easter] == "Eerste Paasdag"


def test_all_holidays_of_2026():
    assert dutch_public_holidays(2026) == {
        dt.date(2026, 1, 1): "Nieuwjaarsdag",
        dt.date(2026, 4, 5): "Eerste Paasdag",
        dt.date(2026, 4, 6): "Tweede Paasdag",
        dt.date(2026, 4, 27): "Koningsdag",
        dt.date(2026, 5, 5): "Bevrijdingsdag",
        dt.date(2026, 5, 14): "Hemelvaartsdag",
        dt.date(2026, 5, 24): "Eerste Pinksterdag",
        dt.date(2026, 5, 25): "Tweede Pinksterdag",
        dt.date(2026, 12, 25): "Eerste Kerstdag",
        dt.date(2026, 12, 26): "Tweede Kerstdag",
    }


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (dt.date(2026, 4, 27), "Koningsdag"),
        (dt.date(2026, 5, 14), "Hemelvaartsdag"),
        (dt.date(2026, 5, 25), "Tweede Pinksterdag"),
        (dt.date(2025, 5, 5), "Bevrijdingsdag"),  # not a lustrum year, still counted
    ],
)
def test_named_holidays(day, name):
    assert dutch_public_holidays(day.year)[day] == name


def test_koningsdag_not_on_sunday_27_april_2025():
    holidays = dutch_public_holidays(2025)
    assert dt.date(2025, 4, 27) not in holidays
    assert list(holidays.values()).count("Koningsdag") == 1


def test_mutating_the_result_does_not_change_later_calls():
    dutch_public_holidays(2026).clear()
    assert dt.date(2026, 1, 1) in dutch_public_holidays(2026)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 3), True),  # Goede Vrijdag is not in the Algemene termijnenwet
        (dt.date(2026, 4, 6), False),  # Tweede Paasdag
        (dt.date(2026, 5, 5), False),  # Bevrijdingsdag on a Tuesday
        (dt.date(2026, 5, 14), False),  # Hemelvaartsdag
        (dt.date(2026, 6, 13), False),  # Saturday
        (dt.date(2026, 6, 14), False),  # Sunday
        (dt.date(2026, 6, 15), True),  # ordinary Monday
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 6, 12), dt.date(2026, 6, 15)),  # Friday -> Monday
        (dt.date(2026, 4, 2), dt.date(2026, 4, 3)),  # Thursday -> Goede Vrijdag
        (dt.date(2026, 4, 3), dt.date(2026, 4, 7)),  # skips Easter weekend and Tweede Paasdag
        (dt.date(2026, 12, 31), dt.date(2027, 1, 4)),  # across the year and Nieuwjaarsdag
    ],
)
def test_next_working_day(day, expected):
    assert next_working_day(day) == expected


@pytest.mark.parametrize(
    ("start", "days", "deadline"),
    [
        (dt.date(2026, 6, 12), 1, dt.date(2026, 6, 15)),  # Friday + 1 = Monday
        (dt.date(2026, 6, 15), 5, dt.date(2026, 6, 22)),  # a plain week
        (dt.date(2026, 12, 24), 5, dt.date(2027, 1, 4)),  # Christmas and Nieuwjaarsdag skipped
        (dt.date(2026, 4, 24), 1, dt.date(2026, 4, 28)),  # Koningsdag Monday 27 April skipped
        (dt.date(2026, 4, 24), 7, dt.date(2026, 5, 7)),  # Koningsdag and Bevrijdingsdag skipped
        (dt.date(2026, 5, 13), 1, dt.date(2026, 5, 15)),  # Hemelvaartsdag skipped
        (dt.date(2026, 6, 13), 1, dt.date(2026, 6, 15)),  # submitted on a Saturday
        (dt.date(2026, 6, 15), 0, dt.date(2026, 6, 15)),  # 0 on a working day: same day
        (dt.date(2026, 6, 13), 0, dt.date(2026, 6, 15)),  # 0 on a Saturday: next working day
        (dt.date(2026, 12, 25), 0, dt.date(2026, 12, 28)),  # 0 on a holiday: next working day
    ],
)
def test_add_working_days(start, days, deadline):
    result = add_working_days(start, days)
    assert result == end_of(deadline)
    assert (result.date(), result.time()) == (deadline, END)
    assert result.tzinfo.key == "Europe/Amsterdam"


def test_friday_afternoon_submission_is_due_monday_end_of_day():
    result = add_working_days(dt.datetime(2026, 6, 12, 16, 45), 1)
    assert result == end_of(dt.date(2026, 6, 15))
    assert result.weekday() == 0


def test_naive_start_is_local_time_and_aware_start_is_converted():
    # Monday 15 June 2026 23:30 UTC is Tuesday 01:30 in Amsterdam (CEST, UTC+2).
    naive = dt.datetime(2026, 6, 15, 23, 30)
    aware = dt.datetime(2026, 6, 15, 23, 30, tzinfo=dt.UTC)
    assert add_working_days(naive, 1) == end_of(dt.date(2026, 6, 16))
    assert add_working_days(aware, 1) == end_of(dt.date(2026, 6, 17))


def test_aware_local_start_is_kept_on_its_own_day():
    start = dt.datetime(2026, 6, 15, 0, 30, tzinfo=AMS)  # 22:30 UTC on Sunday
    assert add_working_days(start, 0) == end_of(dt.date(2026, 6, 15))


@pytest.mark.parametrize(
    ("start", "deadline", "utc_offset_hours"),
    [
        (dt.date(2026, 3, 26), dt.date(2026, 3, 27), 1),  # still winter time
        (dt.date(2026, 3, 27), dt.date(2026, 3, 30), 2),  # over the 29 March switch to summer
        (dt.date(2026, 10, 23), dt.date(2026, 10, 26), 1),  # over the 25 October switch back
    ],
)
def test_dst_change_keeps_local_end_of_day(start, deadline, utc_offset_hours):
    result = add_working_days(start, 1)
    assert result.date() == deadline
    assert result.time() == END
    assert result.utcoffset() == dt.timedelta(hours=utc_offset_hours)


def test_negative_term_is_refused_in_dutch():
    with pytest.raises(ValueError, match=r"^Een termijn kan niet negatief zijn\.$"):
        add_working_days(dt.date(2026, 6, 15), -1)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2026, 6, 15), dt.date(2026, 6, 15), 0),  # same day
        (dt.date(2026, 6, 12), dt.date(2026, 6, 15), 1),  # Friday to Monday
        (dt.date(2026, 6, 15), dt.date(2026, 6, 12), 0),  # reversed: never negative
        (dt.date(2026, 12, 24), dt.date(2027, 1, 4), 5),  # over Christmas and New Year
        (dt.date(2027, 1, 4), dt.date(2026, 12, 24), 0),
        (dt.date(2026, 4, 24), dt.date(2026, 4, 28), 1),  # over Koningsdag
        (dt.date(2026, 1, 1), dt.date(2026, 12, 31), 254),  # a whole year after Nieuwjaarsdag
    ],
)
def test_working_days_between(start, end, expected):
    assert working_days_between(start, end) == expected


@pytest.mark.parametrize("days", [0, 1, 3, 5, 10, 20])
@pytest.mark.parametrize(
    "start", [dt.date(2026, 4, 2), dt.date(2026, 12, 23), dt.date(2026, 6, 15)]
)
def test_between_counts_back_what_add_added(start, days):
    assert working_days_between(start, add_working_days(start, days).date()) == days
