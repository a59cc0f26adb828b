"""The agenda's upcoming activities, as the shop's front page and search show them. The agenda is
a module of its own (participation.agenda); the shop reads it through the app registry, as it
reads the initiatives (shop/wijk.py), so the CMS imports no module and runs without it."""

from django.apps import apps
from django.db.models import Q


def upcoming_activities(limit: int, match: Q | None = None) -> list:
    """The next published activities (matching `match`), soonest first. One query."""
    if not apps.is_installed("participation.agenda"):
        return []
    Activity = apps.get_model("agenda", "Activity")
    activities = Activity.objects.upcoming()
    if match is not None:
        activities = activities.filter(match)
    return list(activities.select_related("wijk").order_by("starts_at", "pk")[:limit])
