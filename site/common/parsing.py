"""Reading what people and clients type into query strings and raw form fields, in one place:
numbers with ASCII digits only, dates and months within years the database and `datetime` can
hold, and search words without control characters. Each function refuses what it cannot read
(None or a ValueError) instead of letting Python or the database fail on it later."""

import datetime as dt
import re

# Only 0-9: str.isdigit() also says yes to "²" and "١" (Arabic-Indic), and int() then fails on
# the first and silently reads the second as 1.
_ASCII_DIGITS = re.compile(r"[0-9]{1,18}")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
# A window of years that dates in the platform can be about. Far enough in both directions for
# any real question, and far from year 1 and year 9999, where adding a day or a time zone
# offset overflows.
MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_QUERY = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def parse_digits(value, *, max_value: int | None = None) -> int | None:
    """'12' -> 12. None for anything that is not a plain number of ASCII digits (also for
    '-1', '1.5', '²', '١' and numbers longer than 18 digits) or that is above `max_value`."""
    text = str(value if value is not None else "").strip()
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    if max_value is not None and number > max_value:
        return None
    return number


def date_in_range(day: dt.date) -> bool:
    return MIN_YEAR <= day.year <= MAX_YEAR


def parse_month(value) -> dt.date | None:
    """'2026-11' -> 1 November 2026. None when it is no month or lies outside the years we
    can show (so the next and previous month can always be computed)."""
    match = _ISO_MONTH.fullmatch(str(value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return dt.date(year, month, 1)


def parse_iso_moment(value: str, *, end: bool = False) -> dt.datetime:
    """ISO 8601 as API clients send it: a date ('2026-03-01'; as an `end` the whole day), or a
    date and time with or without an offset. Raises ValueError for anything else and for years
    outside MIN_YEAR..MAX_YEAR. A naive result is left naive: the caller knows the zone."""
    value = value.strip()
    if not value.isascii():
        raise ValueError("not ISO 8601")
    if len(value) == 10:
        day = dt.date.fromisoformat(value)
        moment = dt.datetime.combine(day, dt.time.max if end else dt.time.min)
    else:
        moment = dt.datetime.fromisoformat(value)
    if not date_in_range(moment.date()):
        raise ValueError("year out of range")
    return moment


def search_words(value, *, max_length: int = MAX_QUERY) -> str:
    """What a search box sent, as words separated by single spaces: control characters
    (NUL breaks PostgreSQL) become spaces, and the text is cut to `max_length` characters."""
    text = _CONTROL.sub(" ", str(value or ""))
    return " ".join(text.split())[:max_length]
