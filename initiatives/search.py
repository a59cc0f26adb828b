"""Public initiatives in the site search (common/search.py): only what the initiator agreed to
show, in a state we show; a concept or an initiative without consent is never found."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.search import SearchHit, SearchKind, Words, full_text, register_search_kind

from .models import Initiative


def site_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    public = Initiative.objects.public().select_related("wijk")
    found, total = full_text(public, query, limit=limit)
    hits = []
    for initiative in found:
        wijk = initiative.wijk
        status = initiative.public_labels.get(initiative.status, "")
        line = (
            _("Initiatief in %(wijk)s. %(status)s.") % {"wijk": wijk.name, "status": status}
            if wijk
            else _("Initiatief. %(status)s.") % {"status": status}
        )
        url = reverse("initiatives:detail", args=[initiative.reference])
        hits.append(SearchHit(title=initiative.title, url=url, line=line))
    return hits, total


def register() -> None:
    register_search_kind(SearchKind("initiatieven", gettext_lazy("Initiatieven"), 30, site_hits))
