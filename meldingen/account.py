"""What meldingen adds to an account: the 'Mijn meldingen' list, the data export, and erasure
(reports stay, as anonymous reports, without the reporter's contact data and recording)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.exports import by_address, erasure_addresses
from accounts.sections import Section, status_item

from .models import Melding, Recording, Subscription


def my_meldingen_section(user) -> Section:
    meldingen = (
        Melding.objects.filter(reporter=user)
        .select_related("category")
        .order_by("-created_at")[:20]
    )
    return Section(
        key="meldingen",
        title=_("Mijn meldingen"),
        empty_text=_("U heeft nog niets gemeld met dit account."),
        items=[
            status_item(
                reverse("meldingen:mine", args=[m.reference]),
                m.reference,
                m.category.name,
                m,
            )
            for m in meldingen
        ],
    )


def export_user_meldingen(user) -> list[dict]:
    rows = (
        Melding.objects.filter(reporter=user)
        .select_related("category")
        .prefetch_related("history")
        .order_by("created_at")
    )
    return [
        {
            "reference": m.reference,
            "category": m.category.name,
            "status": m.status,
            "description": m.description,
            "address": m.address,
            "created_at": m.created_at.isoformat(),
            "messages": [
                {"status": h.to_status, "message": h.public_message, "at": h.created_at.isoformat()}
                for h in m.history.all()
            ],
        }
        for m in rows
    ]


ERASER_COVERS = ["meldingen.Melding", "meldingen.Recording", "meldingen.Subscription"]


def erase_user_meldingen(user) -> None:
    """By account, and by a verified address of the account: a sensitive report is never linked
    to an account, but the address typed into it while logged in is the person's own."""
    addresses = erasure_addresses(user)
    own = Melding.objects.filter(Q(reporter=user) | by_address("reporter_email", addresses))
    # The report stays, anonymous; a voice would still say who made it, so the recording goes.
    Recording.erase(Recording.objects.filter(melding__in=own))
    own.update(reporter=None, reporter_email="", reporter_phone="", keep_informed=False)
    Subscription.objects.filter(Q(user=user) | by_address("email", addresses)).delete()
