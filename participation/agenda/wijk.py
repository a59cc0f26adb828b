"""The agenda's part of a wijk page (common.wijkpage): the next activities in the wijk."""

from django.urls import reverse
from django.utils import timezone

from .models import Activity

UPCOMING_ACTIVITIES = 4


def wijk_part(wijk) -> dict:
    activities = list(
        Activity.objects.upcoming(timezone.now())
        .filter(wijk=wijk)
        .select_related("wijk")
        .order_by("starts_at", "pk")[:UPCOMING_ACTIVITIES]
    )
    return {
        "activities": activities,
        "agenda_url": f"{reverse('shop:agenda')}?wijk={wijk.slug}",
        "feed_url": reverse("shop:wijk_feed", args=[wijk.slug]),
    }
