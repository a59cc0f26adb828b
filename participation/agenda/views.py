"""The agenda for residents: the list per wijk and type, an activity with its registration
form, the secret link to see or cancel a registration, and iCal files (one activity, and a
subscribable feed per wijk)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import caught_by_honeypot
from common.ical import calendar
from common.models import Wijk
from common.ratelimit import limited

from .forms import AgendaFilterForm, RegistrationForm
from .models import Activity, Registration
from .services import (
    AgendaError,
    activity_event,
    activity_ics,
    registration_by_token,
    registration_cancel,
    registration_create,
    waiting_position,
)

PAGE_SIZE = 20
REGISTER_LIMIT = (10, 60 * 60)  # registrations per address per hour
FEED_PAST_DAYS = 30


def agenda(request):
    form = AgendaFilterForm(request.GET or None)
    activities = Activity.objects.upcoming().select_related("wijk")
    chosen_wijk = None
    if form.is_valid():
        chosen_wijk = form.cleaned_data["wijk"]
        if chosen_wijk:
            activities = activities.filter(wijk=chosen_wijk)
        if form.cleaned_data["soort"]:
            activities = activities.filter(type=form.cleaned_data["soort"])
    page = Paginator(activities.order_by("starts_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "shop/agenda/index.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "chosen_wijk": chosen_wijk,
        },
    )


def _registration_of(user, activity: Activity) -> Registration | None:
    if not user.is_authenticated:
        return None
    return activity.registrations.active().filter(user=user).first()


@require_http_methods(["GET", "POST"])
def activity(request, pk: int):
    item = get_object_or_404(Activity.objects.published().select_related("wijk"), pk=pk)
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if caught_by_honeypot(form, where="agenda registration"):
            return render(request, "shop/agenda/bot.html")
        if limited(
            request, "agenda-registration", limit=REGISTER_LIMIT[0], period=REGISTER_LIMIT[1]
        ):
            form.add_error(None, _("U meldde zich vaak aan achter elkaar. Probeer het later."))
        else:
            try:
                _registration, token = registration_create(
                    activity=item,
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    user=request.user,
                )
            except AgendaError as error:
                form.add_error(None, error)
            else:
                request.session[f"registration-new-{token[:8]}"] = True
                return redirect("shop:registration", token=token)
    return render(
        request,
        "shop/agenda/activity.html",
        {
            "activity": item,
            "form": form,
            "mine": _registration_of(request.user, item),
            "open": item.registration_open and item.starts_at > timezone.now(),
        },
    )


@require_http_methods(["GET", "POST"])
def registration(request, token: str):
    found = registration_by_token(token)
    if found is None:
        raise Http404
    if request.method == "POST":
        registration_cancel(registration=found)
        messages.success(request, _("U bent afgemeld. Dank u wel voor het laten weten."))
        return redirect("shop:registration", token=token)
    return render(
        request,
        "shop/agenda/registration.html",
        {
            "registration": found,
            "activity": found.activity,
            "token": token,
            "position": waiting_position(found),
            "is_new": request.session.pop(f"registration-new-{token[:8]}", False),
            "manage_url": request.build_absolute_uri(request.path),
        },
    )


@login_required
@require_POST
def cancel_mine(request, pk: int):
    """A resident with an account cancels from the activity page (no link needed)."""
    item = get_object_or_404(Activity.objects.published(), pk=pk)
    mine = _registration_of(request.user, item)
    if mine is None:
        raise Http404
    registration_cancel(registration=mine)
    messages.success(request, _("U bent afgemeld. Dank u wel voor het laten weten."))
    return redirect(item.get_absolute_url())


def _ics_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def activity_calendar(request, pk: int):
    item = get_object_or_404(Activity.objects.published(), pk=pk)
    return _ics_response(activity_ics(item), "activiteit.ics")


def wijk_feed(request, slug: str):
    """A calendar to subscribe to: what is coming in this wijk (and the last month)."""
    wijk = get_object_or_404(Wijk, slug=slug)
    since = timezone.now() - dt.timedelta(days=FEED_PAST_DAYS)
    activities = Activity.objects.published().filter(wijk=wijk, ends_at__gt=since)
    text = calendar(
        (activity_event(a) for a in activities.order_by("starts_at", "pk")),
        name=_("Agenda %(wijk)s") % {"wijk": wijk.name},
    )
    response = _ics_response(text, f"agenda-{wijk.slug}.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response
