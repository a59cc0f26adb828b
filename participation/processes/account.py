"""What this app holds about a resident, for 'export my data' and 'delete my account'."""

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


def erase_user_contributions(user) -> None:
    """The reactions stay (they were input to a public process), without who gave them."""
    Contribution.objects.filter(user=user).update(user=None, name="", email="")
    if user.email:
        Contribution.objects.filter(email__iexact=user.email).update(name="", email="")
