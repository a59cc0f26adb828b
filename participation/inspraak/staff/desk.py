"""A reaction to a consultation entered at the participatiewinkel's desk or on the phone, for a
resident (the desk area: accounts/desk.py; the shared pieces: common/desk.py). It is made by the
public form's service, `contribution_create`, which also sends the confirmation mail; the
resident takes a receipt home with the process's page, where the follow-up report will be."""

from django import forms
from django.urls import path
from django.utils import timezone, translation
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

from ..models import Process
from ..services import ProcessError, contribution_create

DESK_PERM = "processes.enter_at_desk"


def open_processes():
    """The processes that take reactions today (the service checks again)."""
    return Process.objects.running().filter(online_reactions=True).order_by("ends_on", "title")


class ContributionDeskForm(DeskResidentForm):
    """The public form's questions and the resident's part. Name and e-mail may stay empty, as
    on the public form; the reaction has no phone number."""

    process = forms.ModelChoiceField(
        label=_("Op welk inspraaktraject reageert de inwoner?"),
        queryset=Process.objects.none(),
        error_messages={"required": _("Kies het inspraaktraject.")},
    )
    text = forms.CharField(
        label=_("Reactie van de inwoner"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf eerst de reactie van de inwoner op.")},
    )
    name = forms.CharField(
        label=_("Naam van de inwoner (mag leeg)"), max_length=120, required=False
    )
    phone = None

    field_order = ["channel", "language", "process", "text", "name", "email", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = open_processes()

    def contact_needed(self, cleaned: dict) -> bool:
        return False


class DeskContributionView(DeskMixin, WagtailAdminTemplateMixin, View):
    perm = DESK_PERM
    template_name = "participation/processes/desk/form.html"
    page_title = _("Reactie op inspraak invoeren")
    header_icon = "comment"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=ContributionDeskForm()))

    def post(self, request):
        form = ContributionDeskForm(request.POST)

        def enter(data):
            contribution = contribution_create(
                process=data["process"],
                text=data["text"],
                name=data["name"],
                email=data["email"],
                language=data["language"],
                channel=data["channel"],
            )
            name = str(_("reactie op %(title)s") % {"title": data["process"].title})
            return name, receipt(request, contribution)

        response = enter_once(form, enter, ProcessError)
        return response or self.render_to_response(self.get_context_data(form=form))


def receipt(request, contribution):
    """No reference: a reaction is answered by the follow-up report on the process's page."""
    process = contribution.process
    with translation.override(contribution.language):
        process_url = absolute_url(process.get_absolute_url())
    return render_receipt(
        request,
        "participation/processes/desk/receipt.html",
        language=contribution.language,
        context={
            "contribution": contribution,
            "process": process,
            "process_url": process_url,
            "email": contribution.email,
            "created_at": timezone.localtime(contribution.created_at),
        },
    )


def desk_entry() -> DeskEntry:
    return DeskEntry(
        key="inspraak",
        label=_("Reactie op inspraak"),
        description=_("Wat de inwoner vindt van een plan waarover de gemeente nu inspraak vraagt."),
        url_name="processes_desk:new",
        perm=DESK_PERM,
        order=30,
    )


app_name = "processes_desk"
urlpatterns = [path("", DeskContributionView.as_view(), name="new")]
