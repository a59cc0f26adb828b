"""Wijkbudgetten in the follow-up ledger (common/feedback/ledger): the count of a round pushes its
entry (services/rounds.py), and so does each realisation update. Entries are the count of a
round (which plans won, what they cost against the budget) and the realisation of funded plans
(updates with a photo). Counts: plans sent in, plans with a feasibility answer, answered before
voting started, and plans still waiting while the vote is already on (overdue)."""

from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from common.feedback import ledger, texts

from .models import Proposal, RealisationUpdate, Round
from .models.proposal import DEADLINES as PROPOSAL_DEADLINES
from .workflow import Feasibility

KEY = "wijkbudget"


def counts(wijk=None) -> ledger.Counts:
    """A plan's promise: a feasibility answer before voting starts (models/proposal.py)."""
    # An imported round (a pabulib example) is not a promise to Zuidwest: never counted.
    proposals = Proposal.objects.filter(
        round__is_published=True, round__pabulib__isnull=True
    ).exclude(status=Feasibility.SAMENGEVOEGD)
    if wijk is not None:
        proposals = proposals.filter(round__wijken=wijk)
    return ledger.Counts(**proposals.order_by().aggregate(**PROPOSAL_DEADLINES.counts()))


def counted_rounds():
    return (
        Round.objects.public()
        .of_zuidwest()
        .filter(closed_at__isnull=False, result__isnull=False)
        .annotate(updated_at=F("closed_at"))
        .prefetch_related("wijken")
        .order_by("pk")
    )


def _entries(batch, fields) -> list[tuple[int, dict]]:
    """Each row of `batch` as (pk, the fields of its ledger entry): its sentences as parts
    (rendered in each reader's language), the rest in Dutch, whatever language the request
    that pushed it had."""
    with translation.override("nl"):
        return [(row.pk, ledger.entry_fields(source=KEY, **fields(row))) for row in batch]


def _first_wijk(wijken):
    wijken = list(wijken.all())
    return wijken[0] if wijken else None


def _round_fields(round) -> dict:
    projects = (round.result or {}).get("projects", [])
    chosen = [p for p in projects if p.get("selected")]
    spent = sum(p.get("cost_cents", 0) for p in chosen)
    names = ", ".join(p.get("title", "") for p in chosen)
    return {
        "title": [texts.msg(gettext_noop("Uitslag: %(title)s"), title=round.title)],
        "answer": [
            texts.msg(
                gettext_noop("Gekozen: %(names)s. Samen %(spent)s van het budget van %(budget)s."),
                names=names or texts.msg(gettext_noop("geen plannen")),
                spent=texts.euros(spent),
                budget=texts.euros(round.budget_cents),
            )
        ],
        "answered_at": round.closed_at,
        "wijk": _first_wijk(round.wijken),
        "input_url": reverse("participation:results", args=[round.slug]),
        "input_summary": ngettext(
            "%(count)s plan om op te stemmen", "%(count)s plannen om op te stemmen", len(projects)
        )
        % {"count": len(projects)},
        "input_received_at": round.voting_starts_at,
        "deadline": round.voting_ends_at,
    }


def build_rounds(batch) -> list[tuple[int, dict]]:
    return _entries(batch, _round_fields)


def realisation_updates():
    return (
        RealisationUpdate.objects.filter(
            proposal__round__is_published=True,
            proposal__round__pabulib__isnull=True,
            proposal__round__closed_at__isnull=False,
        )
        .annotate(updated_at=F("created_at"))
        .select_related("proposal__round")
        .prefetch_related("proposal__round__wijken")
        .order_by("pk")
    )


def _update_fields(update) -> dict:
    proposal = update.proposal
    return {
        "title": [texts.msg(gettext_noop("Uitvoering: %(title)s"), title=proposal.title)],
        "answer": update.text,
        "answered_at": update.created_at,
        "wijk": _first_wijk(proposal.round.wijken),
        "input_url": reverse("participation:proposal", args=[proposal.round.slug, proposal.pk]),
        "input_summary": proposal.description[:300],
        "input_received_at": proposal.created_at,
        "photo_url": update.thumbnail.url if update.thumbnail else "",
    }


def build_updates(batch) -> list[tuple[int, dict]]:
    return _entries(batch, _update_fields)


def register() -> None:
    feeds = [
        ledger.Feed(model=Round, answered=counted_rounds, build=build_rounds),
        ledger.Feed(model=RealisationUpdate, answered=realisation_updates, build=build_updates),
    ]
    ledger.register_source(
        KEY, gettext_lazy("Wijkbudget"), counts, unit=gettext_lazy("plannen"), feeds=feeds
    )
