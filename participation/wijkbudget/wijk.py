"""The wijkbudget's part of a wijk page (common.wijkpage): the newest budget round of the wijk
(open or counted) and the latest realisation news."""

from django.urls import reverse

from .feeds import recent_realisation_updates
from .models import Round


def wijk_part(wijk) -> dict:
    rounds = Round.objects.public().of_zuidwest().filter(wijken=wijk)
    round = rounds.order_by("-created_at", "-pk").first()
    return {
        "wijkbudget_url": reverse("participation:wijkbudget"),
        "budget_round": round,
        "realisation_updates": list(recent_realisation_updates(wijk=wijk, limit=3)),
    }
