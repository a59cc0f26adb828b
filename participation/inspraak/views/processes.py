"""/inspraak/: the public list of participation processes, and a process with its reaction form."""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.forms import caught_by_honeypot
from common.models import Wijk
from common.ratelimit import limited

from ..forms import ContributionForm
from ..models import Process
from ..services import ProcessError, contribution_create

PAGE_SIZE = 20
REACTION_LIMIT = (5, 600)  # reactions per address per ten minutes


def _with_wijken(processes):
    return processes.select_related("afdeling").prefetch_related(
        Prefetch("wijken", queryset=Wijk.objects.ordered())
    )


@require_safe
def index(request):
    wijken = list(Wijk.objects.ordered())
    chosen = next((w for w in wijken if w.slug == request.GET.get("wijk")), None)
    processes = _with_wijken(Process.objects.published().in_wijk(chosen))
    page = Paginator(processes, PAGE_SIZE).get_page(request.GET.get("pagina"))
    today = timezone.localdate()
    return render(
        request,
        "participation/processes/index.html",
        {
            "title": _("Inspraak: praat mee over uw wijk"),
            "page_obj": page,
            "wijken": wijken,
            "wijk": chosen,
            "today": today,
        },
    )


@require_http_methods(["GET", "POST"])
def detail(request, slug: str):
    process = get_object_or_404(_with_wijken(Process.objects.published()), slug=slug)
    initial = {}
    if request.user.is_authenticated:
        initial = {"email": request.user.email, "name": request.user.display_name}
    form = ContributionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if caught_by_honeypot(form, where="inspraak reaction"):  # say thanks, keep nothing
            messages.success(request, _("Bedankt voor uw reactie."))
            return redirect(process.get_absolute_url())
        if limited(request, "process-reaction", limit=REACTION_LIMIT[0], period=REACTION_LIMIT[1]):
            form.add_error(None, _("U stuurde veel reacties achter elkaar. Probeer het later."))
        else:
            try:
                contribution_create(
                    process=process,
                    text=data["text"],
                    name=data["name"],
                    email=data["email"],
                    user=request.user,
                )
            except ProcessError as error:
                form.add_error(None, error.messages[0])
            else:
                if data["email"] or request.user.is_authenticated:
                    text = _(
                        "Bedankt voor uw reactie. Uiterlijk %(date)s vertellen wij wat we ermee "
                        "hebben gedaan. U krijgt dan een bericht."
                    )
                else:
                    text = _(
                        "Bedankt voor uw reactie. Uiterlijk %(date)s leest u op deze pagina wat "
                        "we ermee hebben gedaan."
                    )
                messages.success(request, text % {"date": _date(process.followup_due)})
                return redirect(process.get_absolute_url())
    today = timezone.localdate()
    phases = list(process.phases.all())
    current_phases = {phase.pk for phase in phases if phase.is_current(today)}
    return render(
        request,
        "participation/processes/detail.html",
        {
            "title": process.title,
            "process": process,
            "phases": phases,
            "current_phases": current_phases,
            "today": today,
            "form": form,
            "is_open": process.is_open_for_reactions(today),
            "stage": process.stage(today),
            "is_overdue": process.is_overdue(today),
            "contributions": process.contributions.count(),
        },
    )


def _date(day: dt.date) -> str:
    from common.l10n import format_day

    return format_day(day)
