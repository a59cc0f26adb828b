"""Site search /zoeken/: one box for the whole site. Every module registers what a resident may
find in it (common/search.py); the shop adds its own pages, the methods of the databank and the
measures of the programme. Results come grouped by kind, each group with its own honest count.

The backend is Wagtail's database backend: SQLite full text locally, PostgreSQL full text in
production, where settings give it the Dutch configuration (stemming: 'wijken' finds 'wijk')."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from common.parsing import search_words
from common.search import (
    SearchHit,
    SearchKind,
    Words,
    full_text,
    register_search_kind,
    search_everything,
    search_kinds,
)

from .methods.pages import MethodPage
from .models import ThemePage
from .programme.models import Measure

GROUP_HITS = 5  # per kind on the first view
KIND_HITS = 50  # when the resident asks for all of one kind


def _pages():
    return Page.objects.live().public().filter(locale=Locale.get_active())


def _page_hits(pages) -> list[SearchHit]:
    hits = []
    for page in pages:
        kind = str(page.specific_class.get_verbose_name()).capitalize()
        line = f"{kind}. {page.search_description}" if page.search_description else f"{kind}."
        hits.append(SearchHit(title=page.title, url=page.url, line=line))
    return hits


def page_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    found, total = full_text(_pages().not_type(MethodPage), query, limit=limit)
    return _page_hits(found), total


def method_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    found, total = full_text(
        MethodPage.objects.live().public().filter(locale=Locale.get_active()), query, limit=limit
    )
    hits = [
        SearchHit(
            title=method.title,
            url=method.url,
            line=f"{_('Participatiemethode')}. {method.summary}",
        )
        for method in found
    ]
    return hits, total


def measure_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    themes = ThemePage.objects.live().public().filter(locale=Locale.get_active())
    measures = Measure.objects.visible().filter(theme__in=themes)
    found, total = full_text(measures, query, limit=limit)
    themes = {theme.pk: theme for theme in themes.filter(pk__in={m.theme_id for m in found})}
    hits = [
        SearchHit(
            title=measure.title,
            url=f"{themes[measure.theme_id].url}#maatregel-{measure.pk}",
            line=_("Maatregel van het programma, thema %(theme)s. %(status)s.")
            % {"theme": themes[measure.theme_id].title, "status": measure.get_status_display()},
        )
        for measure in found
    ]
    return hits, total


def register() -> None:
    register_search_kind(SearchKind("paginas", gettext_lazy("Pagina's"), 10, page_hits))
    register_search_kind(SearchKind("methoden", gettext_lazy("Methoden"), 70, method_hits))
    register_search_kind(SearchKind("programma", gettext_lazy("Programma"), 80, measure_hits))


def search(request):
    query = search_words(request.GET.get("q"))
    kinds = {kind.key: kind for kind in search_kinds()}
    only = kinds.get(request.GET.get("soort", ""))
    if only:
        groups = search_everything(query, KIND_HITS, kinds=[only])
    else:
        groups = search_everything(query, GROUP_HITS)
    context = {
        "query": query,
        "only": only,
        "groups": [
            {"kind": kind, "hits": hits, "total": total, "shown": len(hits)}
            for kind, hits, total in groups
        ],
        "total": sum(total for _kind, _hits, total in groups),
    }
    return render(request, "shop/search.html", context)
