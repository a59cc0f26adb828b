"""The brokers' consultation hours in the workspace: publish one, see who booked, change where
and when it is, or cancel it (after a screen that says who will be told)."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import rules
from ..models import Booking, ConsultationHour
from ..services import (
    InitiativeError,
    consultation_hour_cancel,
    consultation_hour_create,
    consultation_hour_update,
    is_told_by_mail,
)
from .forms import ConsultationHourChangeForm, ConsultationHourForm
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
        hours = list(self.hours())
        for hour in hours:
            hour.may_manage = rules.is_hour_keeper(self.request.user, hour)
        return self.render_to_response(
            self.get_context_data(
                form=form, hours=hours, may_publish=rules.is_broker(self.request.user)
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


class HourMixin(WorkspaceMixin, WagtailAdminTemplateMixin):
    """One upcoming hour this user may change: their own, or any for an overseer. Another
    broker's hour does not exist for them (404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.perm):  # without it, the workspace refuses (403)
            self.hour = self.get_hour(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def get_hour(user, pk):
        hour = ConsultationHour.objects.upcoming().select_related("wijk", "broker")
        hour = hour.filter(pk=pk).first()
        if hour is None or not rules.is_hour_keeper(user, hour):
            raise Http404
        return hour

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("initiatives_workspace:hours"), "label": gettext_lazy("Spreekuren")},
            {"url": "", "label": self.page_title},
        ]

    def bookings(self):
        return list(self.hour.bookings.active().filter(slot_start__gt=timezone.now()))


class ConsultationHourChangeView(HourMixin, View):
    template_name = "initiatives/workspace/spreekuur_change.html"
    page_title = gettext_lazy("Spreekuur wijzigen")

    def render_page(self, form):
        bookings = self.bookings()
        return self.render_to_response(
            self.get_context_data(
                form=form,
                hour=self.hour,
                booked=len(bookings),
                mailed=sum(1 for b in bookings if is_told_by_mail(b)),
            )
        )

    def get(self, request, pk):
        return self.render_page(ConsultationHourChangeForm.for_hour(self.hour))

    def post(self, request, pk):
        form = ConsultationHourChangeForm.for_hour(self.hour, request.POST)
        if form.is_valid():
            try:
                _hour, told = consultation_hour_update(
                    hour=self.hour, actor=request.user, **form.service_kwargs()
                )
            except InitiativeError as error:
                form.add_error(None, error)
            else:
                messages.success(request, changed_message(told))
                return redirect("initiatives_workspace:hours")
        return self.render_page(form)


def changed_message(told: int) -> str:
    if not told:
        return _("Het spreekuur is gewijzigd.")
    return ngettext(
        "Het spreekuur is gewijzigd. %(count)s inwoner krijgt een e-mail met de nieuwe plek.",
        "Het spreekuur is gewijzigd. %(count)s inwoners krijgen een e-mail met de nieuwe plek.",
        told,
    ) % {"count": told}


class ConsultationHourCancelView(HourMixin, View):
    """GET: the confirmation screen (how many residents hear it by mail, whom to call); POST:
    cancel."""

    template_name = "initiatives/workspace/spreekuur_cancel.html"
    page_title = gettext_lazy("Spreekuur afzeggen")

    def get(self, request, pk):
        bookings = self.bookings()
        mailed = [b for b in bookings if is_told_by_mail(b)]
        to_call = [b for b in bookings if not is_told_by_mail(b)]
        return self.render_to_response(
            self.get_context_data(hour=self.hour, mailed=mailed, to_call=to_call)
        )

    def post(self, request, pk):
        try:
            told = consultation_hour_cancel(hour=self.hour, actor=request.user)
        except InitiativeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                ngettext(
                    "Het spreekuur gaat niet door. %(count)s inwoner krijgt een e-mail.",
                    "Het spreekuur gaat niet door. %(count)s inwoners krijgen een e-mail.",
                    told,
                )
                % {"count": told},
            )
        return redirect("initiatives_workspace:hours")
