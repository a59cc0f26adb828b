"""iCal files: one activity, and a subscribable feed per wijk."""

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from common.ical import calendar
from common.models import Wijk

from ..models import Activity
from ..services import activity_event, activity_ics

FEED_PAST_DAYS = 30


def _ics_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def activity_calendar(request, pk: int):
    item = get_object_or_404(Activity.objects.published(), pk=pk)
    return _ics_response(activity_ics(item), "activiteit.ics")


def wijk_feed(request, slug: str):
    """A calendar to subscribe to: what is coming in this wijk (and the last month)."""
    wijk = get_object_or_404(Wijk, slug=slug)
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    activities = Activity.objects.published().filter(wijk=wijk, ends_at__gt=since)
    text = calendar(
        (activity_event(a) for a in activities.order_by("starts_at", "pk")),
        name=_("Agenda %(wijk)s") % {"wijk": wijk.name},
    )
    response = _ics_response(text, f"agenda-{wijk.slug}.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response
