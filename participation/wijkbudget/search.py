"""Wijkbudget plans in the site search (common/search.py): the plans of published rounds,
never one merged into another (its own page says where it went), of a round not yet online or
of an imported example round (a pabulib file: not plans for Zuidwest)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.search import SearchHit, SearchKind, Words, full_text, register_search_kind

from .models import Proposal, Round


def site_hits(query: Words, limit: int) -> tuple[list[SearchHit], int]:
    public = Proposal.objects.public().filter(round__in=Round.objects.public().of_zuidwest())
    found, total = full_text(public, query, limit=limit)
    rounds = Round.objects.in_bulk({p.round_id for p in found})
    hits = []
    for proposal in found:
        round = rounds[proposal.round_id]
        hits.append(
            SearchHit(
                title=proposal.title,
                url=reverse("participation:proposal", args=[round.slug, proposal.pk]),
                line=_("Plan voor %(round)s. %(status)s.")
                % {"round": round.title, "status": proposal.get_status_display()},
            )
        )
    return hits, total


def register() -> None:
    register_search_kind(
        SearchKind("wijkbudget", gettext_lazy("Wijkbudget-plannen"), 40, site_hits)
    )
