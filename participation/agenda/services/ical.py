"""An activity as an iCal event: one file per activity, and the feeds per wijk."""

from django.conf import settings

from common.ical import CalendarEvent, calendar

from ..models import Activity


def _host() -> str:
    base = settings.ZUIDWEST_BASE_URL
    return base.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def activity_event(activity: Activity, *, cancelled: bool = False) -> CalendarEvent:
    return CalendarEvent(
        uid=f"activity-{activity.pk}@{_host()}",
        start=activity.starts_at,
        end=activity.ends_at,
        summary=activity.title,
        location=activity.location,
        description=activity.description,
        url=f"{settings.ZUIDWEST_BASE_URL}{activity.get_absolute_url()}",
        cancelled=cancelled,
        stamp=activity.created_at,
    )


def activity_ics(activity: Activity, *, cancelled: bool = False) -> str:
    return calendar([activity_event(activity, cancelled=cancelled)])
