"""Realisation updates for pages outside this app (a wijk page, the follow-up feed): one read
they can call without knowing how a round stores its result. Only of Zuidwest's own rounds,
never of an imported example round."""

from .models import RealisationUpdate


def recent_realisation_updates(*, wijk=None, limit: int = 10):
    """The latest updates on funded plans, newest first, optionally of rounds in one wijk."""
    updates = RealisationUpdate.objects.select_related("proposal", "proposal__round").filter(
        proposal__round__is_published=True, proposal__round__pabulib__isnull=True
    )
    if wijk is not None:
        updates = updates.filter(proposal__round__wijken=wijk)
    return updates.order_by("-created_at", "-pk")[:limit]
