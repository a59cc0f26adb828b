"""Days and times for the spreekuur tests: an hour next week, in the site's time zone."""

import datetime as dt

from django.utils import timezone


def next_week(hour: int, minute: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=7)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())
