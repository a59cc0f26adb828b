"""What a wijk page shows besides its own text: the development projects below it, and the
parts other modules fill (agenda, initiatives, reports, budget round, inspraak; the modules
register theirs in common.wijkpage). Each part costs one query at most, whatever the number of
rows, and a module that is not installed simply leaves its part as a link."""

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale

from common.wijkpage import wijk_parts

from .projects import ProjectPage

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
    return {
        "projects": projects,
        "project_markers": markers,
        "initiatives": _initiatives(wijk),
        "initiatives_url": f"{_url('initiatives:index')}?wijk={wijk.slug}",
        "meldingen_url": _url("meldingen_public:wijk", wijk.slug),
        "ledger_url": _url("ledger:feed_wijk", wijk.slug),
        # the agenda, the budget round and inspraak, from the modules that registered them
        **wijk_parts(wijk),
    }
