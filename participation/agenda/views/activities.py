"""The agenda for residents: the list per wijk and type, and an activity with its registration
form (and, for a resident with an account, cancelling from there)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import caught_by_honeypot
from common.ratelimit import limited

from ..forms import AgendaFilterForm, RegistrationForm
from ..models import Activity, Registration
from ..services import AgendaError, registration_cancel, registration_create

PAGE_SIZE = 20
REGISTER_LIMIT = (10, 60 * 60)  # registrations per address per hour


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
