"""The organiser's work on the registrations in the back office (/beheer/agenda/aanmeldingen/):
sign a resident up (the desk's form and service, participation/agenda/staff/desk.py, behind
the organisers' permission) and cancel a registration for them, after a screen that says who
is told. Both call the one service the public pages call."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.staff import StaffAreaMixin

from ..models import Activity, Registration, RegistrationStatus
from ..services import AgendaError, registration_cancel
from ..services.registrations import MANAGE_REGISTRATIONS
from .desk import DeskRegistrationView, RegistrationDeskForm

LIST = "wagtailsnippets_agenda_registration:list"


def organiser_breadcrumbs() -> list[dict]:
    return [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": reverse_lazy(LIST), "label": gettext_lazy("Aanmeldingen")},
    ]


class OrganiserRegistrationView(DeskRegistrationView):
    """The desk's form, for the organiser (a resident called or wrote): with ?activiteit=<pk>
    the activity is chosen already."""

    perm = MANAGE_REGISTRATIONS
    page_title = gettext_lazy("Inwoner aanmelden voor een activiteit")
    breadcrumbs_items = organiser_breadcrumbs()

    def new_form(self, data=None):
        form = RegistrationDeskForm(data)
        chosen = self.request.GET.get("activiteit", "")
        if data is None and chosen.isdigit():
            form.initial["activity"] = int(chosen)
        return form


class RegistrationCancelView(StaffAreaMixin, WagtailAdminTemplateMixin, View):
    """GET: who is cancelled and whether they hear it by mail (and who moves up); POST: cancel."""

    perm = MANAGE_REGISTRATIONS
    template_name = "agenda/staff/cancel.html"
    page_title = gettext_lazy("Aanmelding afmelden")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if request.user.has_perm(self.perm):  # without it, StaffAreaMixin refuses (403)
            found = Registration.objects.active().select_related("activity")
            self.registration = found.filter(pk=kwargs["pk"]).first()
            if self.registration is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*organiser_breadcrumbs(), {"url": "", "label": self.page_title}]

    def get(self, request, pk):
        registration = self.registration
        activity: Activity = registration.activity
        return self.render_to_response(
            self.get_context_data(
                registration=registration,
                activity=activity,
                mailed=bool(registration.email and registration.email_confirmed_at),
                moves_up=registration.status == RegistrationStatus.CONFIRMED
                and activity.waiting_count > 0,
            )
        )

    def post(self, request, pk):
        try:
            registration = registration_cancel(
                registration=self.registration, organiser=request.user
            )
        except AgendaError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s is afgemeld.") % {"name": registration.name})
        return redirect(LIST)


def cancel_url(registration: Registration) -> str:
    return reverse("wagtailsnippets_agenda_registration:cancel", args=[registration.pk])


def enter_url() -> str:
    return reverse("wagtailsnippets_agenda_registration:enter")
