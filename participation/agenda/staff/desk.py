"""A sign-up for an activity entered at the participatiewinkel's desk or on the phone, for a
resident (the desk area: accounts/desk.py; the shared pieces: common/desk.py). The service is
the public form's, `registration_create` (a place or the waiting list, the mail with the cancel
link); the receipt shows that link and its QR code once and forgets it."""

from django import forms
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.desk import DeskEntry, DeskMixin
from common.desk import (
    DeskResidentForm,
    absolute_url,
    enter_once,
    render_receipt,
)

from ..models import Activity
from ..services import AgendaError, registration_create

DESK_PERM = "agenda.enter_at_desk"


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        when = formats.date_format(timezone.localtime(obj.starts_at), "j F Y, H:i")
        return f"{obj.title} ({when}, {obj.place})"


class RegistrationDeskForm(DeskResidentForm):
    """The public form's questions (a name, and an e-mail address or phone number: the
    organiser must reach the resident) and the resident's part."""

    activity = ActivityChoiceField(
        label=_("Voor welke activiteit meldt de inwoner zich aan?"),
        queryset=Activity.objects.none(),
        error_messages={"required": _("Kies de activiteit.")},
    )
    name = forms.CharField(
        label=_("Naam van de inwoner"),
        max_length=80,
        error_messages={"required": _("Vul de naam van de inwoner in.")},
    )

    field_order = ["channel", "language", "activity", "name", "email", "phone", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = (
            Activity.objects.published()
            .filter(registration_open=True, starts_at__gt=timezone.now())
            .order_by("starts_at", "title")
        )


class DeskRegistrationView(DeskMixin, WagtailAdminTemplateMixin, View):
    perm = DESK_PERM
    template_name = "agenda/desk/form.html"
    page_title = _("Aanmelding voor een activiteit invoeren")
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def new_form(self, data=None):
        return RegistrationDeskForm(data)

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=self.new_form()))

    def post(self, request):
        form = self.new_form(request.POST)

        def enter(data):
            registration, secret = registration_create(
                activity=data["activity"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                language=data["language"],
                channel=data["channel"],
            )
            name = str(_("aanmelding van %(name)s") % {"name": registration.name})
            return name, receipt(request, registration, secret)

        response = enter_once(form, enter, AgendaError)
        return response or self.render_to_response(self.get_context_data(form=form))


def receipt(request, registration, secret: str):
    """The manage (cancel) link on the receipt, in the resident's language: shown once."""
    with translation.override(registration.language):
        manage_url = absolute_url(reverse("shop:registration", args=[secret]))
    return render_receipt(
        request,
        "agenda/desk/receipt.html",
        language=registration.language,
        context={
            "registration": registration,
            "activity": registration.activity,
            "starts_at": timezone.localtime(registration.activity.starts_at),
            "follow_url": manage_url,
            "email": registration.email,
            "created_at": timezone.localtime(registration.created_at),
        },
    )


def desk_entry() -> DeskEntry:
    return DeskEntry(
        key="agenda",
        label=_("Aanmelding voor een activiteit"),
        description=_("Een plek bij een inloop, workshop of ontwerpsessie, of op de wachtlijst."),
        url_name="agenda_desk:new",
        perm=DESK_PERM,
        order=40,
    )


app_name = "agenda_desk"
urlpatterns = [path("", DeskRegistrationView.as_view(), name="new")]
