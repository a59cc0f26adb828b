"""What meldingen adds to an account: the 'Mijn meldingen' list, the data export, and erasure
(reports stay, as anonymous reports, without the reporter's contact data)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.sections import Section

from .models import Melding, Subscription


def my_meldingen_section(user) -> Section:
    meldingen = (
        Melding.objects.filter(reporter=user)
        .select_related("category")
        .order_by("-created_at")[:20]
    )
    items = [
        format_html(
            '<a class="utrecht-link" href="{}">{}</a> – {} · <strong>{}</strong>',
            reverse("meldingen:mine", args=[m.reference]),
            m.reference,
            m.category.name,
            m.public_label,
        )
        for m in meldingen
    ]
    return Section(
        key="meldingen",
        title=_("Mijn meldingen"),
        empty_text=_("U heeft nog niets gemeld met dit account."),
        items=items,
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


def erase_user_meldingen(user) -> None:
    Melding.objects.filter(reporter=user).update(
        reporter=None, reporter_email="", reporter_phone="", keep_informed=False
    )
    Subscription.objects.filter(user=user).delete()
