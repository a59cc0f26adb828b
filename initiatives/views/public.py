"""The public side: the gallery of published initiatives with filters (a GET form, no JavaScript
needed), one initiative's page with its timeline, steun and 'ik doe mee'."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.ratelimit import limited

from .. import rules
from ..forms import GalleryFilterForm, VolunteerForm
from ..models import Accountability, Grant, Initiative, InitiativeEvent, Photo, Support, Volunteer
from ..services import InitiativeError, fund_overview, initiative_support, initiative_volunteer
from ..workflow import OPEN_FOR_VOLUNTEERS

PAGE_SIZE = 24
WRITE_LIMIT = (30, 60 * 60)


def _plan_photos():
    return Prefetch(
        "photos", queryset=Photo.objects.filter(kind=Photo.Kind.PLAN), to_attr="plan_photos"
    )


def gallery(request):
    form = GalleryFilterForm(request.GET or None)
    initiatives = (
        Initiative.objects.public()
        .select_related("wijk")
        .prefetch_related(_plan_photos())
        .order_by("-submitted_at", "-pk")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["wijk"]:
            initiatives = initiatives.filter(wijk=data["wijk"])
        if data["thema"]:
            initiatives = initiatives.filter(theme=data["thema"])
        if data["status"]:
            initiatives = initiatives.filter(status=data["status"])
    page = Paginator(initiatives, PAGE_SIZE).get_page(request.GET.get("pagina"))
    markers = [
        {"lat": point[0], "lon": point[1], "title": item.title, "url": initiative_url(item)}
        for item in page.object_list
        if (point := item.coarse_point()) is not None
    ]
    year = timezone.localtime().year
    return render(
        request,
        "initiatives/index.html",
        {
            "title": _("Initiatieven"),
            "form": form,
            "page": page,
            "initiatives": page.object_list,
            "funds": fund_overview(year=year),
            "markers": markers,
            "year": year,
            "filtered": form.is_bound and any(request.GET.get(k) for k in form.fields),
        },
    )


def _public_or_404(reference: str) -> Initiative:
    return get_object_or_404(
        Initiative.objects.public().select_related("wijk").prefetch_related("budget_lines"),
        reference=reference,
    )


def detail(request, reference: str):
    initiative = _public_or_404(reference)
    user = request.user
    timeline = initiative.events.filter(kind=InitiativeEvent.Kind.STATUS)
    photos = list(initiative.photos.all())
    context = {
        "initiative": initiative,
        "timeline": list(timeline),
        "plan_photos": [p for p in photos if p.kind == Photo.Kind.PLAN],
        "result_photos": [p for p in photos if p.kind == Photo.Kind.RESULT],
        "grant": Grant.objects.filter(initiative=initiative, released_at=None).first(),
        "accountability": Accountability.objects.filter(
            initiative=initiative, confirmed_at__isnull=False
        )
        .prefetch_related("lines")
        .first(),
        "is_initiator": rules.is_initiator_side(user, initiative),
        "has_supported": user.is_authenticated
        and Support.objects.filter(initiative=initiative, user=user).exists(),
        "has_volunteered": user.is_authenticated
        and Volunteer.objects.filter(initiative=initiative, user=user).exists(),
        "open_for_volunteers": initiative.status in OPEN_FOR_VOLUNTEERS,
        "login_url": f"{reverse('account_login')}?next={request.path}",
    }
    return render(request, "initiatives/detail.html", context)


@require_POST
def support(request, reference: str):
    initiative = _public_or_404(reference)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={initiative_url(initiative)}")
    if limited(request, "initiative-support", limit=WRITE_LIMIT[0], period=WRITE_LIMIT[1]):
        messages.error(request, _("Te veel verzoeken. Probeer het later opnieuw."))
        return redirect(initiative_url(initiative))
    try:
        added = initiative_support(initiative=initiative, user=request.user)
    except InitiativeError as error:
        messages.error(request, error.messages[0])
    else:
        if added:
            messages.success(request, _("Dank u wel voor uw steun!"))
        else:
            messages.info(request, _("U steunt dit initiatief al. Elk account telt één keer."))
    return redirect(initiative_url(initiative))


def initiative_url(initiative: Initiative) -> str:
    return reverse("initiatives:detail", args=[initiative.reference])


@require_http_methods(["GET", "POST"])
def volunteer(request, reference: str):
    initiative = _public_or_404(reference)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    initial = {"name": request.user.display_name, "email": request.user.email}
    form = VolunteerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if limited(request, "initiative-volunteer", limit=WRITE_LIMIT[0], period=WRITE_LIMIT[1]):
            form.add_error(None, _("Te veel verzoeken. Probeer het later opnieuw."))
        else:
            try:
                initiative_volunteer(initiative=initiative, user=request.user, **form.cleaned_data)
            except InitiativeError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Dank u wel! De bewoner die het plan maakte, weet nu dat u meedoet.")
                )
                return redirect(initiative_url(initiative))
    return render(request, "initiatives/volunteer.html", {"initiative": initiative, "form": form})
