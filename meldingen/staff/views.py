"""The handler's queue (list and map) and the permission-checked photo and recording views.
Every read starts from `Melding.objects.visible_to(user)`; a report outside it is a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts import roles
from common.csvexport import csv_response, csv_safe
from common.staff import StaffAreaMixin, staff_breadcrumbs

from ..models import Photo, Recording
from ..rules import get_visible_or_404, visible_meldingen
from ..services import MeldingError, melding_change_status
from ..workflow import Status
from .filters import QueueFilter
from .forms import BulkStatusForm

PAGE_SIZE = 25
MAP_LIMIT = 500  # the newest of the filtered list; the list view pages through the rest


class BackofficeMixin(StaffAreaMixin):
    """Only roles that handle or oversee reports get in."""

    perm = "meldingen.use_queue"
    header_icon = "warning"
    breadcrumbs_items = staff_breadcrumbs("meldingen_backoffice:queue", _("Meldingen"))


def queue_queryset(visible):
    """Everything a row shows, in a fixed number of queries however long the list is."""
    return visible.select_related("category__parent", "wijk", "assigned_to").order_by(
        "-created_at", "-pk"
    )


class QueueView(BackofficeMixin, WagtailAdminTemplateMixin, View):
    template_name = "meldingen/backoffice/queue.html"
    page_title = _("Meldingen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items[:1], {"url": "", "label": _("Meldingen")}]

    def get(self, request):
        return self.render_queue(request)

    def render_queue(self, request, bulk_form=None):
        visible = visible_meldingen(request.user)
        filterset = QueueFilter(
            request.GET or None, queryset=queue_queryset(visible), request=request
        )
        meldingen = filterset.qs
        is_map = request.GET.get("view") == "kaart"
        context = self.get_context_data(
            filter=filterset,
            is_map=is_map,
            overdue_count=visible.overdue().count(),
            no_afdeling=self._handler_without_afdeling(request.user),
            bulk_form=bulk_form or BulkStatusForm(),
            chosen=set(bulk_form.data.getlist("bulk-meldingen")) if bulk_form else set(),
            detail_url_template=reverse("meldingen_backoffice:detail", args=["ZW-0"]).replace(
                "ZW-0", "__REF__"
            ),
        )
        if is_map:
            rows = list(meldingen.exclude(lat=None).exclude(lon=None)[:MAP_LIMIT])
            context["rows"] = rows
            context["markers"] = [self._marker(m) for m in rows]
        else:
            page = Paginator(meldingen, PAGE_SIZE).get_page(request.GET.get("page"))
            context["page"] = page
            context["rows"] = page.object_list
        return self.render_to_response(context)

    @staticmethod
    def _handler_without_afdeling(user) -> bool:
        return roles.BEHANDELAAR in roles.role_names(user) and not user.afdeling_id

    @staticmethod
    def _marker(melding) -> dict:
        return {
            "reference": melding.reference,
            "lat": melding.lat,
            "lon": melding.lon,
            "category": str(melding.category),
            "label": str(melding.public_label),
            "overdue": melding.is_overdue,
            "url": reverse("meldingen_backoffice:detail", args=[melding.reference]),
        }


class BulkStatusView(QueueView):
    """One status and one message for the reports ticked in the queue. Each goes through
    `melding_change_status`, as a single change would; the ones it refuses are listed with
    the reason, the others are changed."""

    http_method_names = ["post"]

    def post(self, request):
        form = BulkStatusForm(request.POST)
        if not form.is_valid():
            return self.render_queue(request, bulk_form=form)
        data = form.cleaned_data
        to = Status(data["to"])
        chosen = data["meldingen"]
        found = {
            m.reference: m for m in visible_meldingen(request.user).filter(reference__in=chosen)
        }
        changed, refused = [], []
        for reference in chosen:
            melding = found.get(reference)
            if melding is None:
                refused.append((reference, gettext("Deze melding is niet gevonden.")))
                continue
            try:
                melding_change_status(
                    melding=melding,
                    to=to,
                    actor=request.user,
                    public_message=data["public_message"],
                )
            except MeldingError as error:
                refused.append((reference, " ".join(error.messages)))
            else:
                changed.append(reference)
        if changed:
            messages.success(
                request,
                gettext("Status “%(status)s” gegeven aan: %(references)s.")
                % {"status": to.label, "references": ", ".join(changed)},
            )
        for reference, reason in refused:
            messages.error(
                request,
                gettext("%(reference)s is niet gewijzigd: %(reason)s")
                % {"reference": reference, "reason": reason},
            )
        query = request.GET.urlencode()
        return redirect(reverse("meldingen_backoffice:queue") + (f"?{query}" if query else ""))


def _local(moment, pattern: str) -> str:
    return timezone.localtime(moment).strftime(pattern) if moment else ""


class QueueExportView(BackofficeMixin, View):
    """ "Download als CSV": exactly the filtered list (every page of it), with the columns the
    list shows, and nothing more: no description, address or reporter data."""

    def get(self, request):
        filterset = QueueFilter(
            request.GET or None,
            queryset=queue_queryset(visible_meldingen(request.user)),
            request=request,
        )
        now = timezone.localtime()
        response, writer = csv_response(f"meldingen-{now:%Y-%m-%d}.csv")
        writer.writerow(
            [
                gettext("Kenmerk"),
                gettext("Gemeld op"),
                gettext("Categorie"),
                gettext("Wijk"),
                gettext("Status"),
                gettext("Status (intern)"),
                gettext("Uiterste datum"),
                gettext("Te laat"),
                gettext("Behandelaar"),
                gettext("Ook gemeld"),
            ]
        )
        yes, no = gettext("ja"), gettext("nee")
        for melding in filterset.qs.iterator(chunk_size=500):
            writer.writerow(
                [
                    csv_safe(cell)
                    for cell in (
                        melding.reference,
                        _local(melding.created_at, "%d-%m-%Y %H:%M"),
                        melding.category,
                        melding.wijk or "",
                        melding.public_label,
                        melding.get_status_display(),
                        _local(melding.deadline, "%d-%m-%Y"),
                        yes if melding.is_overdue else no,
                        melding.assigned_to or "",
                        melding.supporters,
                    )
                ]
            )
        return response


def photo(request, reference: str, photo_id: int, size: str = "groot"):
    """Photos live in private storage, never under /media/: whoever may see the report may see
    its photos, nobody else. A thumbnail not made yet falls back to the photo itself."""
    if not request.user.has_perm("meldingen.use_queue"):
        raise PermissionDenied
    melding = get_visible_or_404(request.user, reference)
    return get_object_or_404(Photo, pk=photo_id, melding=melding).serve(size)


def recording(request, reference: str):
    """The reporter's spoken description, like the photos: whoever may see the report may hear
    it, nobody else (a 404, as for a report outside one's view)."""
    if not request.user.has_perm("meldingen.use_queue"):
        raise PermissionDenied
    melding = get_visible_or_404(request.user, reference)
    return get_object_or_404(Recording, melding=melding).serve()
