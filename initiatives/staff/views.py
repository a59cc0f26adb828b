"""The brokers' queues by wijk, and the fund overview with its CSV export. Every read starts from
`rules.visible_to_staff(user)`; an initiative outside it is a 404."""

from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.csvexport import csv_response, csv_safe
from common.models import Wijk
from common.money import euros_for_input
from common.staff import StaffAreaMixin, staff_breadcrumbs

from .. import rules
from ..services import accountability_lines_for_export, fund_overview, grants_for_export
from .forms import FundFilterForm, QueueFilterForm

PAGE_SIZE = 25


class WorkspaceMixin(StaffAreaMixin):
    """Brokers, coordinators and beheerders only."""

    perm = "initiatives.use_workspace"
    header_icon = "group"
    breadcrumbs_items = staff_breadcrumbs("initiatives_workspace:queue", _("Initiatieven"))


def queues(user, base):
    """The lists of the workspace, as querysets over what the user may see."""
    return {
        "nieuw": base.unassigned(),
        "mijn": base.assigned_to(user),
        "wacht": base.waiting_for_initiator(),
        "te-laat": base.overdue(),
        "alle": base.active(),
        "gesloten": base.closed(),
    }


class QueueView(WorkspaceMixin, WagtailAdminTemplateMixin, View):
    template_name = "initiatives/workspace/queue.html"
    page_title = _("Initiatieven")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items[:1], {"url": "", "label": _("Initiatieven")}]

    def get(self, request):
        user = request.user
        form = QueueFilterForm(request.GET or None)
        base = rules.visible_to_staff(user)
        wijk = None
        query = ""
        if form.is_valid():
            wijk = form.cleaned_data["wijk"]
            query = form.cleaned_data["q"].strip()
        if wijk is not None:
            base = base.in_wijk(wijk)
        lists = queues(user, base)
        chosen = form.cleaned_data.get("wachtrij") if form.is_valid() else ""
        chosen = chosen or ("mijn" if rules.is_broker(user) else "nieuw")
        rows = lists[chosen]
        if query:
            rows = rows.filter(Q(reference__icontains=query) | Q(title__icontains=query))
        rows = rows.select_related("wijk", "broker").with_total().order_by("submitted_at", "pk")
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        tabs = [
            {"key": key, "label": label, "count": lists[key].count()}
            for key, label in QueueFilterForm.QUEUES
            if key != "gesloten"
        ]
        context = self.get_context_data(
            form=form,
            tabs=tabs,
            detail_url_template=reverse("initiatives_workspace:detail", args=["__REF__"]),
            chosen=chosen,
            page=page,
            rows=page.object_list,
            wijk=wijk,
            no_wijken=rules.is_broker(user)
            and not rules.is_overseer(user)
            and not rules.broker_wijk_ids(user),
        )
        return self.render_to_response(context)


class FundsView(WorkspaceMixin, WagtailAdminTemplateMixin, View):
    template_name = "initiatives/workspace/funds.html"
    page_title = _("Initiatievenfondsen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Fondsen")}]

    def get(self, request):
        form = FundFilterForm(request.GET or None)
        year = form.year()
        lines = fund_overview(year=year)
        totals = {
            key: sum(getattr(line, f"{key}_cents") for line in lines)
            for key in ("total", "granted", "spent", "remaining")
        }
        context = self.get_context_data(
            form=form,
            year=year,
            lines=lines,
            totals=totals,
            missing_wijken=Wijk.objects.exclude(pk__in=[x.fund.wijk_id for x in lines]),
        )
        return self.render_to_response(context)


def _has_report(grant) -> bool:
    try:
        return grant.initiative.accountability is not None
    except ObjectDoesNotExist:
        return False


class FundCsvView(WorkspaceMixin, View):
    """A CSV of one year's fund figures, for a spreadsheet: the overseers get every wijk, a
    broker only the initiatives they may see. A subclass names the rows and writes them."""

    filename: str  # without the year and the extension
    initiative_path: str  # from a row to its initiative, for the visibility filter
    header: list[str]

    def rows(self, year: int):
        raise NotImplementedError

    def write(self, writer, rows) -> None:
        raise NotImplementedError

    def get(self, request):
        year = FundFilterForm(request.GET or None).year()
        rows = self.rows(year)
        if not rules.is_overseer(request.user):
            visible = rules.visible_to_staff(request.user).values("pk")
            rows = rows.filter(**{f"{self.initiative_path}__in": visible})
        response, writer = csv_response(f"{self.filename}-{year}.csv")
        writer.writerow(self.header)
        self.write(writer, rows)
        return response


class GrantsCsvView(FundCsvView):
    filename = "toekenningen"
    initiative_path = "initiative"
    header = [
        "kenmerk",
        "titel",
        "wijk",
        "jaar",
        "bedrag_euro",
        "uitgegeven_euro",
        "voorwaarden",
        "toegekend_op",
        "toegekend_door",
        "ingetrokken_op",
        "deelnemers",
        "verantwoording_bevestigd_op",
    ]

    def rows(self, year: int):
        return grants_for_export(year=year)

    def write(self, writer, grants) -> None:
        for grant in grants:
            report = grant.initiative.accountability if _has_report(grant) else None
            writer.writerow(
                [
                    csv_safe(grant.initiative.reference),
                    csv_safe(grant.initiative.title),
                    csv_safe(grant.initiative.wijk),
                    grant.fund.year if grant.fund_id else timezone.localtime(grant.granted_at).year,
                    euros_for_input(grant.amount_cents),
                    euros_for_input(grant.spent_cents),
                    csv_safe(grant.conditions),
                    timezone.localtime(grant.granted_at).strftime("%Y-%m-%d"),
                    csv_safe(grant.granted_by or ""),
                    timezone.localtime(grant.released_at).strftime("%Y-%m-%d")
                    if grant.released_at
                    else "",
                    report.participants if report else "",
                    timezone.localtime(report.confirmed_at).strftime("%Y-%m-%d")
                    if report and report.confirmed_at
                    else "",
                ]
            )


class AccountabilityCsvView(FundCsvView):
    """Per budget line: planned, spent, and the grant it belongs to; for the annual report."""

    filename = "verantwoording"
    initiative_path = "accountability__initiative"
    header = [
        "kenmerk",
        "titel",
        "wijk",
        "toegekend_euro",
        "regel",
        "begroot_euro",
        "uitgegeven_euro",
        "deelnemers",
        "ingediend_op",
        "bevestigd_op",
    ]

    def rows(self, year: int):
        return accountability_lines_for_export(year=year)

    def write(self, writer, lines) -> None:
        for line in lines:
            report = line.accountability
            initiative = report.initiative
            grant = getattr(initiative, "grant", None)
            writer.writerow(
                [
                    csv_safe(initiative.reference),
                    csv_safe(initiative.title),
                    csv_safe(initiative.wijk),
                    euros_for_input(grant.amount_cents) if grant else "",
                    csv_safe(line.description),
                    euros_for_input(line.planned_cents),
                    euros_for_input(line.spent_cents),
                    report.participants,
                    timezone.localtime(report.submitted_at).strftime("%Y-%m-%d"),
                    timezone.localtime(report.confirmed_at).strftime("%Y-%m-%d")
                    if report.confirmed_at
                    else "",
                ]
            )
