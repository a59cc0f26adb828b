"""What a resident can report, found by the same search as the whole site (common/search.py):
the intake's search box (step 1) and the group "Meldingen: wat kunt u melden" of /zoeken/.
A sensitive category (ondermijning) is offered in the intake, where it can be reported safely,
but never shown in the site search."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext

from common.search import STOP_WORDS, SearchHit, SearchKind, Words, full_text, register_search_kind

from .models import Category

INTAKE_HITS = 30
CONTAINS = ("name", "keywords")  # matched inside words too: "straatlicht"


def reportable():
    return Category.objects.filter(is_active=True, parent__isnull=False)


def find_categories(text: str, *, limit: int = INTAKE_HITS) -> list[Category]:
    """The active subcategories for what the resident typed, best first (the intake): all
    words, or else any of them."""
    query = Words.of(text)
    found, _total = full_text(reportable(), query, limit=limit, contains=CONTAINS)
    meaningful = tuple(word for word in query.words if word not in STOP_WORDS)
    if not found and len(query.words) > 1 and meaningful:
        query = Words(meaningful, any_word=True)
        found, _total = full_text(reportable(), query, limit=limit, contains=CONTAINS)
    return found


def site_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    public = reportable().filter(is_sensitive=False)
    found, total = full_text(public, query, limit=limit, contains=CONTAINS)
    parents = Category.objects.in_bulk({c.parent_id for c in found})
    language = get_language()
    hits = [
        SearchHit(
            title=category.label(language),
            url=f"{reverse('meldingen:index')}?{urlencode({'q': category.name})}",
            line=ngettext(
                "Melden bij %(group)s. Wij pakken het binnen %(days)s werkdag op.",
                "Melden bij %(group)s. Wij pakken het binnen %(days)s werkdagen op.",
                category.handling_days,
            )
            % {
                "group": parents[category.parent_id].label(language),
                "days": category.handling_days,
            },
        )
        for category in found
    ]
    return hits, total


def register() -> None:
    register_search_kind(
        SearchKind("meldingen", gettext_lazy("Meldingen: wat kunt u melden"), 20, site_hits)
    )
