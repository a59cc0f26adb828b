"""The agenda of the participatiewinkel: activities per wijk with registration, a waiting list,
reminders and iCal feeds.

For other modules (the participation calendar) there is one read function,
`activities_between`, so they need not know the models."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaItem:
    """A published activity, as the participation calendar shows it."""

    pk: int
    title: str
    type: str  # ActivityType value, e.g. "wijkforum"
    type_label: str
    wijk_id: int
    wijk_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    audience: str  # Audience value (common.audience) or ""
    organiser: str
    url: str


def activities_between(
    wijk_ids: Iterable[int] | None, start: dt.datetime, end: dt.datetime
) -> list[AgendaItem]:
    """Published activities that overlap [start, end) in the given wijken (None: all wijken),
    in order of start. One query."""
    from .models import Activity

    activities = Activity.objects.published().between(start, end).select_related("wijk")
    if wijk_ids is not None:
        activities = activities.filter(wijk_id__in=list(wijk_ids))
    return [
        AgendaItem(
            pk=a.pk,
            title=a.title,
            type=a.type,
            type_label=str(a.get_type_display()),
            wijk_id=a.wijk_id,
            wijk_name=a.wijk.name,
            starts_at=a.starts_at,
            ends_at=a.ends_at,
            place=a.place,
            audience=a.audience,
            organiser=a.organiser,
            url=a.get_absolute_url(),
        )
        for a in activities.order_by("starts_at", "pk")
    ]
