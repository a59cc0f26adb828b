"""What 'advies op maat' holds about a person: their advice requests (name, address, question,
answer). They are a private question to the participatiewinkel, not a public contribution, so
erasure deletes them: those of the account and those sent with one of its verified addresses."""

from django.db.models import Q

from accounts.exports import by_address, erasure_addresses, forget_log_entries

from .models import AdviceRequest

ERASER_COVERS = ["shop.AdviceRequest"]


def export_user_advice(user) -> list[dict]:
    return [
        {
            "reference": a.reference,
            "name": a.name,
            "email": a.email,
            "question": a.question,
            "status": a.status,
            "answer": a.answer,
            "created_at": a.created_at.isoformat(),
        }
        for a in AdviceRequest.objects.filter(user=user).order_by("created_at")
    ]


def erase_user_advice(user) -> None:
    requests = AdviceRequest.objects.filter(
        Q(user=user) | by_address("email", erasure_addresses(user))
    )
    forget_log_entries(AdviceRequest, requests.values_list("pk", flat=True))
    requests.delete()
