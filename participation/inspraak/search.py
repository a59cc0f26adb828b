"""Inspraak processes in the site search (common/search.py): published ones only, never a
concept."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.l10n import format_day
from common.search import SearchHit, SearchKind, Words, full_text, register_search_kind

from .models import Process


def site_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    found, total = full_text(Process.objects.published(), query, limit=limit)
    hits = [
        SearchHit(
            title=process.title,
            url=process.get_absolute_url(),
            line=_("Inspraak. Reageren kan tot en met %(date)s.")
            % {"date": format_day(process.ends_on)},
        )
        for process in found
    ]
    return hits, total


def register() -> None:
    register_search_kind(SearchKind("inspraak", gettext_lazy("Inspraak"), 50, site_hits))
