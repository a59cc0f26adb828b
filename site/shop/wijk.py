"""What a wijk page shows besides its own text: the development projects below it, and the
parts other modules fill (agenda, initiatives, reports, budget round). Each part costs one query
at most, whatever the number of rows, and a module that is not installed simply leaves its
part as a link."""

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Locale

from .agenda.models import Activity
from .projects import ProjectPage

UPCOMING_ACTIVITIES = 4
RECENT_INITIATIVES = 3


def _url(name: str, *args) -> str:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _initiatives(wijk) -> list:
    if not apps.is_installed("initiatives"):
        return []
    Initiative = apps.get_model("initiatives", "Initiative")
    return list(
        Initiative.objects.public()
        .in_wijk(wijk)
        .only("reference", "title", "status", "wijk_id", "submitted_at")
        .order_by("-submitted_at", "-pk")[:RECENT_INITIATIVES]
    )


def _budget(wijk) -> dict:
    """The newest budget round of the wijk (open or counted) and the latest realisation news."""
    if not apps.is_installed("participation.wijkbudget"):
        return {}
    from participation.wijkbudget.feeds import recent_realisation_updates
    from participation.wijkbudget.models import Round

    round = Round.objects.public().filter(wijken=wijk).order_by("-created_at", "-pk").first()
    return {
        "budget_round": round,
        "realisation_updates": list(recent_realisation_updates(wijk=wijk, limit=3)),
    }


def _processes(wijk) -> list:
    if not apps.is_installed("participation.inspraak"):
        return []
    from participation.inspraak.models import Process

    return list(Process.objects.running().in_wijk(wijk).order_by("ends_on", "pk")[:3])


def _live_children(page) -> list:
    return list(
        ProjectPage.objects.child_of(page)
        .live()
        .public()
        .prefetch_related("steps")
        .order_by("path")
    )


def _projects(page) -> list:
    """The projects below this wijk page; a translation without its own projects (yet) shows
    those of the Dutch page, so an English reader still sees what is being built."""
    projects = _live_children(page)
    if projects or page.locale.language_code == settings.LANGUAGE_CODE:
        return projects
    original = page.get_translation_or_none(Locale.get_default())
    return _live_children(original) if original is not None else []


def wijk_modules(page, request=None) -> dict:
    wijk = page.wijk
    projects = _projects(page)
    markers = [
        {"lat": p.point[0], "lon": p.point[1], "title": p.title, "url": p.get_url(request)}
        for p in projects
        if p.point
    ]
    activities = list(
        Activity.objects.upcoming(timezone.now())
        .filter(wijk=wijk)
        .select_related("wijk")
        .order_by("starts_at", "pk")[:UPCOMING_ACTIVITIES]
    )
    return {
        "projects": projects,
        "project_markers": markers,
        "activities": activities,
        "agenda_url": f"{reverse('shop:agenda')}?wijk={wijk.slug}",
        "feed_url": reverse("shop:wijk_feed", args=[wijk.slug]),
        "initiatives": _initiatives(wijk),
        "initiatives_url": f"{_url('initiatives:index')}?wijk={wijk.slug}",
        "meldingen_url": _url("meldingen_public:wijk", wijk.slug),
        "wijkbudget_url": _url("participation:wijkbudget"),
        **_budget(wijk),
        "processes": _processes(wijk),
        "processes_url": _url("participation:processes:index"),
        "ledger_url": _url("ledger:feed_wijk", wijk.slug),
    }
