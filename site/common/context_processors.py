"""Values every template needs: the four entry points of the header, the text direction and the
map tiles."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _

# (url name, label, icon) – the icon names refer to static/icons/<name>.svg
ENTRY_POINTS = [
    ("meldingen:index", _("Melden"), "melden"),
    ("initiatives:index", _("Initiatieven"), "initiatieven"),
    ("participation:wijkbudget", _("Wijkbudget"), "wijkbudget"),
    # a Wagtail page, so a path rather than a URL name
    ("/participatiewinkel/", _("Participatiewinkel"), "participatiewinkel"),
]


def localized_path(path: str) -> str:
    """'/participatiewinkel/' in the active language: no prefix for Dutch, '/en/...' else."""
    language = get_language() or settings.LANGUAGE_CODE
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def site_context(request) -> dict:
    path = request.path
    entries = []
    for target, label, icon in ENTRY_POINTS:
        url = localized_path(target) if target.startswith("/") else reverse(target)
        entries.append({"url": url, "label": label, "icon": icon, "current": path.startswith(url)})
    return {
        "entry_points": entries,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        # The background of every map (MAP_TILE_URL); the CSP allows images from its host.
        "map_tile_url": settings.MAP_TILE_URL,
    }
