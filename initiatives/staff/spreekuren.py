"""The brokers' consultation hours in the workspace: publish one, see who booked."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import rules
from ..models import Booking, ConsultationHour
from ..services import InitiativeError, consultation_hour_create
from .forms import ConsultationHourForm
from .views import WorkspaceMixin


class ConsultationHoursView(WorkspaceMixin, WagtailAdminTemplateMixin, View):
    template_name = "initiatives/workspace/spreekuren.html"
    page_title = gettext_lazy("Spreekuren")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": gettext_lazy("Spreekuren")}]

    def hours(self):
        hours = ConsultationHour.objects.upcoming().select_related("wijk", "broker")
        if not rules.is_overseer(self.request.user):
            hours = hours.filter(broker=self.request.user)
        return hours.prefetch_related(
            Prefetch("bookings", queryset=Booking.objects.active(), to_attr="active_bookings")
        )

    def render_page(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form, hours=list(self.hours()), may_publish=rules.is_broker(self.request.user)
            )
        )

    def get(self, request):
        return self.render_page(ConsultationHourForm())

    def post(self, request):
        form = ConsultationHourForm(request.POST)
        if form.is_valid():
            try:
                consultation_hour_create(broker=request.user, **form.service_kwargs())
            except InitiativeError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Het spreekuur staat op de website."))
                return redirect("initiatives_workspace:hours")
        return self.render_page(form)
