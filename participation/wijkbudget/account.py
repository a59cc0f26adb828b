"""What the wijkbudget adds to an account: 'Mijn voorstellen', the data export and erasure.
Ballots are secret and hold nothing about a person, so there is nothing of them to export; the
"has voted" marks of an account are listed (which rounds) and go with the account."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.sections import Section, status_item

from .models import HasVoted, PaperBallotEntry, Proposal


def my_proposals_section(user) -> Section:
    proposals = (
        Proposal.objects.filter(proposer=user).select_related("round").order_by("-created_at")[:20]
    )
    items = [
        status_item(
            reverse("participation:proposal", args=[p.round.slug, p.pk]),
            p.title,
            p.round.title,
            p.get_status_display(),
        )
        for p in proposals
    ]
    return Section(
        key="wijkbudget",
        title=_("Mijn ideeën voor het wijkbudget"),
        empty_text=_("U heeft nog geen idee ingediend voor het wijkbudget."),
        items=items,
    )


def export_user_budget(user) -> dict:
    return {
        "proposals": [
            {
                "round": p.round.title,
                "title": p.title,
                "description": p.description,
                "place": p.place,
                "lat": p.lat,
                "lon": p.lon,
                "estimated_cost_cents": p.estimated_cost_cents,
                "status": p.status,
                "final_cost_cents": p.final_cost_cents,
                "reason": p.reason,
                "created_at": p.created_at.isoformat(),
                "history": [
                    {
                        "status": e.to_status,
                        "message": e.public_message,
                        "at": e.created_at.isoformat(),
                    }
                    for e in p.events.all()
                ],
            }
            for p in Proposal.objects.filter(proposer=user)
            .select_related("round")
            .prefetch_related("events")
        ],
        "voted_in_rounds": [
            m.round.title for m in HasVoted.objects.filter(user=user).select_related("round")
        ],
    }


ERASER_COVERS = [
    "participation.Proposal",
    "participation.HasVoted",
    "participation.PaperBallotEntry",
    "participation.Ballot",  # secret: never linked to a person, nothing to erase
]


def erase_user_budget(user) -> None:
    """Proposals are public business (they were on a ballot, or answered in public) and stay,
    without the person. Their vote marks go; the secret ballot itself never named them."""
    Proposal.objects.filter(proposer=user).update(proposer=None)
    HasVoted.objects.filter(user=user).delete()
    PaperBallotEntry.objects.filter(entered_by=user, counted=False).delete()
