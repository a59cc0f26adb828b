"""Activities in the site search (common/search.py): published ones that have not ended."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.l10n import format_clock, format_day
from common.search import SearchHit, SearchKind, Words, full_text, register_search_kind

from .models import Activity


def site_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    found, total = full_text(Activity.objects.upcoming().order_by(), query, limit=limit)
    hits = [
        SearchHit(
            title=activity.title,
            url=activity.get_absolute_url(),
            line=_("%(type)s op %(when)s, %(place)s.")
            % {
                "type": activity.get_type_display(),
                "when": f"{format_day(activity.starts_at, form='weekday')}, "
                f"{format_clock(activity.starts_at)}",
                "place": activity.place,
            },
        )
        for activity in found
    ]
    return hits, total


def register() -> None:
    register_search_kind(SearchKind("agenda", gettext_lazy("Agenda"), 60, site_hits))
