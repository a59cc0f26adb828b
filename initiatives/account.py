"""What initiatives add to an account: the 'Mijn initiatieven' list, the data export, and
erasure (published initiatives stay, without a link to the person; their own drafts go)."""

import datetime as dt

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.exports import (
    by_address,
    erasure_addresses,
    forget_log_entries,
    forget_notifications,
)
from accounts.sections import Section, link_item, status_item

from .models import Booking, CoInitiator, Initiative, Message, Recording, Support, Volunteer
from .workflow import Status


def _initiative_item(initiative: Initiative) -> str:
    """A draft links to the step where its initiator stopped; a sent one to its own page."""
    if initiative.status == Status.CONCEPT:
        return format_html(
            '<a class="utrecht-link" href="{}">{}</a> – <strong>{}</strong> · {}',
            reverse("initiatives:step", args=[initiative.pk, max(initiative.draft_step, 1)]),
            initiative.title,
            _("Concept"),
            _("verder invullen"),
        )
    return status_item(
        reverse("initiatives:mine", args=[initiative.pk]),
        initiative.title,
        initiative.reference,
        initiative,
    )


def my_initiatives_section(user) -> Section:
    initiatives = (
        Initiative.objects.of_initiator(user)
        .exclude(reference=None, status=Status.INGETROKKEN)  # drafts thrown away
        .select_related("wijk")
        .order_by("-updated_at")[:20]
    )
    items = [_initiative_item(initiative) for initiative in initiatives]
    items.append(link_item(reverse("initiatives:new"), _("Een nieuw initiatief beginnen")))
    return Section(
        key="initiatieven",
        title=_("Mijn initiatieven"),
        empty_text=_("U heeft nog geen initiatief."),
        items=items,
    )


def my_bookings_section(user) -> Section:
    """Spreekuur appointments made while signed in: coming ones, and those of the last week."""
    since = timezone.now() - dt.timedelta(days=7)
    bookings = (
        Booking.objects.filter(user=user, slot_start__gte=since)
        .select_related("hour")
        .order_by("slot_start")[:20]
    )
    items = []
    for booking in bookings:
        local = timezone.localtime(booking.slot_start)
        if booking.cancelled_at:
            state = _("afgezegd")
        elif booking.hour.is_cancelled:
            state = _("het spreekuur gaat niet door")
        elif booking.slot_start < timezone.now():
            state = _("geweest")
        else:
            state = _("bevestigd")
        items.append(
            status_item(
                reverse("initiatives:my_booking", args=[booking.pk]),
                f"{date_format(local, 'l j F Y')}, {date_format(local, 'H:i')}",
                booking.hour.place,
                state,
            )
        )
    if not items:
        items.append(_("U heeft geen afspraken op een spreekuur."))
    items.append(
        link_item(
            reverse("initiatives:hours"), _("Een afspraak maken op een initiatievenspreekuur")
        )
    )
    return Section(
        key="afspraken",
        title=_("Mijn afspraken"),
        empty_text=_("U heeft geen afspraken."),
        items=items,
    )


def export_user_initiatives(user) -> dict:
    own = (
        Initiative.objects.filter(Q(initiator=user) | Q(co_initiators__user=user))
        .distinct()
        .select_related("wijk")
        .prefetch_related("budget_lines", "events")
        .order_by("created_at")
    )
    return {
        "initiatives": [
            {
                "reference": i.reference or "",
                "title": i.title,
                "status": i.status,
                "role": "initiator" if i.initiator_id == user.pk else "co-initiator",
                "what_why": i.what_why,
                "for_whom": i.for_whom,
                "wijk": i.wijk.name if i.wijk_id else "",
                "place": i.place,
                "when": i.when_text,
                "help_needed": i.help_needed,
                "budget_lines": [
                    {"description": b.description, "amount_cents": b.amount_cents}
                    for b in i.budget_lines.all()
                ],
                "published": i.publish_consent,
                "created_at": i.created_at.isoformat(),
                "history": [
                    {
                        "status": e.to_status,
                        "message": e.public_message,
                        "at": e.created_at.isoformat(),
                    }
                    for e in i.events.all()
                    if e.kind == "status"
                ],
            }
            for i in own
        ],
        "messages": [
            {"initiative": m.initiative.reference, "text": m.text, "at": m.created_at.isoformat()}
            for m in Message.objects.filter(author=user).select_related("initiative")
        ],
        "supported": [
            s.initiative.reference
            for s in Support.objects.filter(user=user).select_related("initiative")
        ],
        "volunteering": [
            {
                "initiative": v.initiative.reference,
                "name": v.name,
                "email": v.email,
                "phone": v.phone,
                "message": v.message,
                "share_contact": v.share_contact,
            }
            for v in Volunteer.objects.filter(user=user).select_related("initiative")
        ],
        "spreekuur_bookings": [
            {
                "at": b.slot_start.isoformat(),
                "place": b.hour.place,
                "name": b.name,
                "email": b.email,
                "phone": b.phone,
                "question": b.question,
                "cancelled": bool(b.cancelled_at),
            }
            for b in Booking.objects.filter(user=user).select_related("hour")
        ],
    }


ERASER_COVERS = [
    "initiatives.Initiative",
    "initiatives.Message",
    "initiatives.CoInitiator",
    "initiatives.Support",
    "initiatives.Volunteer",
    "initiatives.Booking",
    "initiatives.Photo",
    "initiatives.Attachment",
    "initiatives.Recording",
]


def erase_user_initiatives(user) -> None:
    """Drafts are private and go. Submitted initiatives are public business (a grant of public
    money) and stay, without the person and without their recordings; their messages stay as
    'initiatiefnemer'. Invitations and spreekuur bookings made with one of the account's
    verified addresses go too, with the broker's copy of the booking (it names the resident)."""
    from .services.spreekuren import _mail_context

    addresses = erasure_addresses(user)
    # A voice says who it is, also on an initiative that stays: the person's recordings go, the
    # files with them (what the initiative is about stays in its typed text and the messages).
    Recording.erase(Recording.objects.filter(Q(initiative__initiator=user) | Q(uploaded_by=user)))
    for draft in Initiative.objects.filter(initiator=user, status=Status.CONCEPT):
        for photo in draft.photos.all():
            photo.delete_files()
        for attachment in draft.attachments.all():
            attachment.file.delete(save=False)
        draft.delete()
    Initiative.objects.filter(initiator=user).update(initiator=None, contact_phone="")
    Message.objects.filter(author=user).update(author=None)
    CoInitiator.objects.filter(user=user).delete()
    CoInitiator.objects.filter(by_address("email", addresses), user=None).delete()
    for volunteer in Volunteer.objects.filter(user=user):
        Initiative.objects.filter(pk=volunteer.initiative_id, volunteer_count__gt=0).update(
            volunteer_count=F("volunteer_count") - 1
        )
    Volunteer.objects.filter(user=user).delete()
    bookings = Booking.objects.filter(Q(user=user) | by_address("email", addresses))
    for booking in bookings.select_related("hour"):
        context = _mail_context(booking)
        forget_notifications(
            ["initiative_booking_broker"], {k: context[k] for k in ("name", "date", "time")}
        )
    forget_log_entries(Booking, bookings.values_list("pk", flat=True))
    bookings.delete()
