"""The one iCalendar writer: escaping, folding, UTC times."""

import datetime as dt

from common.ical import CalendarEvent, calendar, fold


def test_a_calendar_holds_each_event_in_utc_with_text_escaped():
    start = dt.datetime(2026, 12, 3, 19, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    text = calendar(
        [
            CalendarEvent(
                uid="activity-1@zuidwest.example",
                start=start,
                end=start + dt.timedelta(hours=2),
                summary="Wijkforum Moerwijk; iedereen welkom, ook kinderen",
                location="Buurthuis, Hengelolaan 1",
            ),
            CalendarEvent(
                uid="activity-2@zuidwest.example",
                start=start,
                end=start + dt.timedelta(hours=1),
                summary="Taalcafé",
                cancelled=True,
            ),
        ],
        name="Agenda Moerwijk",
    )
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20261203T183000Z" in text and "DTEND:20261203T203000Z" in text
    assert "SUMMARY:Wijkforum Moerwijk\\; iedereen welkom\\, ook kinderen" in text
    assert "X-WR-CALNAME:Agenda Moerwijk" in text
    assert "STATUS:CANCELLED" in text and "STATUS:CONFIRMED" in text


def test_long_lines_are_folded_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "één lange regel " * 12
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line
