"""What this app holds about a resident, for 'export my data' and 'delete my account'."""

from django.db.models import Q

from accounts.exports import by_address, erasure_addresses

from .models import Contribution


def export_user_contributions(user) -> list[dict]:
    return [
        {
            "process": c.process.title,
            "text": c.text,
            "name": c.name,
            "email": c.email,
            "created_at": c.created_at.isoformat(),
        }
        for c in Contribution.objects.filter(user=user).select_related("process")
    ]


ERASER_COVERS = ["processes.Contribution"]


def erase_user_contributions(user) -> None:
    """The reactions stay (they were input to a public process), without who gave them: those of
    the account and those sent with one of its verified addresses."""
    Contribution.objects.filter(Q(user=user) | by_address("email", erasure_addresses(user))).update(
        user=None, name="", email=""
    )
