"""Spreekuren for residents: the upcoming consultation hours, booking a slot without an account,
and the secret link to see, add to the agenda or cancel the booking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.forms import caught_by_honeypot
from common.ratelimit import limited

from ..forms import BookingForm
from ..models import Booking, ConsultationHour
from ..services import (
    InitiativeError,
    booking_by_token,
    booking_cancel,
    booking_create,
    booking_ics,
    free_slots,
)

BOOK_LIMIT = (10, 60 * 60)


def hours(request):
    upcoming = list(
        ConsultationHour.objects.upcoming().select_related("wijk").prefetch_related("bookings")
    )
    rows = [{"hour": hour, "free": len(free_slots(hour))} for hour in upcoming]
    return render(request, "initiatives/spreekuren.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def book(request, pk: int):
    hour = get_object_or_404(ConsultationHour.objects.upcoming().select_related("wijk"), pk=pk)
    slots = free_slots(hour)
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    form = BookingForm(request.POST or None, slots=slots, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if caught_by_honeypot(form, where="spreekuur booking"):
            return render(request, "initiatives/booking_bot.html")
        if limited(request, "initiative-booking", limit=BOOK_LIMIT[0], period=BOOK_LIMIT[1]):
            form.add_error(None, _("U maakte veel afspraken achter elkaar. Probeer het later."))
        else:
            try:
                _booking, token = booking_create(
                    hour=hour,
                    slot_start=data["slot_start"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    question=data["question"],
                    user=request.user,
                )
            except InitiativeError as error:
                form.add_error(None, error)
                form.fields["slot"].choices = (
                    BookingForm(slots=free_slots(hour)).fields["slot"].choices
                )
            else:
                request.session[f"booking-new-{token[:8]}"] = True
                return redirect("initiatives:booking", token=token)
    return render(
        request, "initiatives/book.html", {"hour": hour, "form": form, "has_slots": bool(slots)}
    )


def _booking_page(request, found: Booking, *, cancel, here, ics_url: str, **context):
    """A booking's page, for the secret link and for the signed-in resident alike: POST cancels
    it (`cancel()`, then back to `here`), GET shows it with its calendar file."""
    if request.method == "POST":
        try:
            cancel()
        except InitiativeError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request, _("Uw afspraak is afgezegd. Dank u wel voor het laten weten.")
            )
        return redirect(here)
    return render(
        request,
        "initiatives/booking.html",
        {
            "booking": found,
            "hour": found.hour,
            "ics_url": ics_url,
            "is_past": found.slot_start <= timezone.now(),
            **context,
        },
    )


@require_http_methods(["GET", "POST"])
def booking(request, token: str):
    found = booking_by_token(token)
    if found is None:
        raise Http404
    return _booking_page(
        request,
        found,
        cancel=lambda: booking_cancel(token=token),
        here=reverse("initiatives:booking", args=[token]),
        ics_url=reverse("initiatives:booking_ics", args=[token]),
        is_new=request.method == "GET" and request.session.pop(f"booking-new-{token[:8]}", False),
        manage_url=request.build_absolute_uri(request.path),
    )


def booking_calendar(request, token: str):
    found = booking_by_token(token)
    if found is None:
        raise Http404
    return _ics_response(found, request)


def _ics_response(found: Booking, request) -> HttpResponse:
    response = HttpResponse(
        booking_ics(found, host=request.get_host().split(":")[0]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="spreekuur.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def _own_booking(request, pk: int) -> Booking:
    """Someone else's booking is a 404: its existence is nobody else's business."""
    return get_object_or_404(Booking.objects.select_related("hour"), pk=pk, user=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def my_booking(request, pk: int):
    """A booking made while signed in, reached from Mijn afspraken (no secret link needed)."""
    found = _own_booking(request, pk)
    return _booking_page(
        request,
        found,
        cancel=lambda: booking_cancel(booking=found, actor=request.user),
        here=reverse("initiatives:my_booking", args=[pk]),
        ics_url=reverse("initiatives:my_booking_ics", args=[pk]),
        is_new=False,
    )


@login_required
def my_booking_calendar(request, pk: int):
    found = _own_booking(request, pk)
    return _ics_response(found, request)
