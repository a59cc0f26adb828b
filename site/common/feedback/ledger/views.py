"""/terugkoppeling/ ("u zei, wij deden"): the ledger's one feed, for Zuidwest and per wijk.

A page costs the same number of queries however many entries there are: the wijken, one
aggregate per registered source, the page of entries with its count, and one query per source
that lists overdue inputs by name."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.context_processors import localized_path
from common.models import Wijk

from .models import LedgerEntry, in_reader_language
from .registry import all_sources

PAGE_SIZE = 20
OVERDUE_SHOWN = 10


@require_safe
def feed(request, wijk: str | None = None):
    place = get_object_or_404(Wijk, slug=wijk) if wijk else None
    sources = all_sources()
    chosen = request.GET.get("bron", "")
    unknown_source = bool(chosen) and chosen not in sources
    if unknown_source:
        chosen = ""
    entries = LedgerEntry.objects.public().in_wijk(place).select_related("wijk")
    if chosen:
        entries = entries.of_source(chosen)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    page.object_list = in_reader_language(page.object_list)
    for entry in page:
        entry.source_label = sources[entry.source].label if entry.source in sources else ""
        # Stored as Dutch paths; shown in the visitor's language.
        entry.link = localized_path(entry.input_url) if entry.input_url.startswith("/") else ""
    counts = [(source, source.counts(place)) for source in sources.values()]
    overdue = []
    for source in sources.values():
        if source.overdue is not None and (not chosen or chosen == source.key):
            overdue += [(source, item) for item in source.overdue(place, OVERDUE_SHOWN)]
    title = (
        _("U zei, wij deden in %(wijk)s") % {"wijk": place.name}
        if place
        else _("U zei, wij deden in Zuidwest")
    )
    return render(
        request,
        "ledger/feed.html",
        {
            "title": title,
            "wijk": place,
            "wijken": Wijk.objects.ordered(),
            "sources": sources.values(),
            "chosen": chosen,
            "unknown_source": unknown_source,
            "page_obj": page,
            "counts": counts,
            "overdue": overdue,
        },
    )
