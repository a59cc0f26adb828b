"""An initiative entered at the participatiewinkel's desk or on the phone, for a resident (the
desk area: accounts/desk.py; the shared pieces: common/desk.py). The public form's five steps
are one page here, without files; the service `initiative_enter_at_desk` sends it in at once.
The resident takes home a receipt with a link that puts the initiative in their account; until
they use it, the broker reaches them by phone or e-mail."""

from django import forms
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.desk import DeskEntry, DeskMixin
from common.desk import DeskResidentForm, absolute_url, enter_once, render_receipt
from common.money import EuroField

from ..forms.steps import IdeaForm, NeedsForm, PlaceForm
from ..services import DeskPlan, InitiativeError, initiative_enter_at_desk

DESK_PERM = "initiatives.enter_at_desk"


class InitiativeDeskForm(DeskResidentForm, IdeaForm, PlaceForm, NeedsForm):
    """The public form's questions and the resident's part. The plan needs a way to reach the
    resident (an e-mail address or a phone number): a broker talks the plan through with them."""

    recording = None  # a spoken plan is the resident's own, on the public form
    lat = None
    lon = None
    start_date = None
    line_description = forms.CharField(
        label=_("Waarvoor is het geld?"),
        max_length=200,
        required=False,
        help_text=_("Alleen als de inwoner geld vraagt. De makelaar vraagt later naar de rest."),
    )
    line_amount = EuroField(label=_("Bedrag in euro"), required=False)
    publish_consent = forms.BooleanField(
        label=_("De inwoner wil dat het plan op de website komt."), required=False
    )

    field_order = [
        "channel",
        "language",
        "title",
        "what_why",
        "for_whom",
        "theme",
        "wijk",
        "place",
        "when_text",
        "help_needed",
        "help_notes",
        "line_description",
        "line_amount",
        "publish_consent",
        "email",
        "phone",
        "consent",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The employee asks; the resident's own form says "you".
        self.fields["title"].label = _("Hoe heet het initiatief?")
        self.fields["what_why"].label = _("Wat wil de inwoner doen, en waarom?")
        self.fields["help_needed"].label = _("Waarbij heeft de inwoner hulp nodig?")

    def clean(self):
        data = super().clean()
        description = (data.get("line_description") or "").strip()
        amount = data.get("line_amount")
        if description and amount is None and "line_amount" not in self.errors:
            self.add_error("line_amount", _("Vul het bedrag in, bijvoorbeeld 125 of 125,50."))
        elif amount is not None and not description:
            self.add_error("line_description", _("Schrijf waarvoor dit bedrag is."))
        return data

    def plan(self) -> DeskPlan:
        data = self.cleaned_data
        description = (data.get("line_description") or "").strip()
        lines = [(description, data["line_amount"])] if description else []
        return DeskPlan(
            title=data["title"],
            what_why=data["what_why"],
            for_whom=data["for_whom"],
            theme=data["theme"],
            wijk=data["wijk"],
            place=data.get("place", ""),
            when_text=data["when_text"],
            help_needed=data["help_needed"],
            help_notes=data.get("help_notes", ""),
            lines=lines,
            publish_consent=data.get("publish_consent", False),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            language=data["language"],
            channel=data["channel"],
        )


class DeskInitiativeView(DeskMixin, WagtailAdminTemplateMixin, View):
    perm = DESK_PERM
    template_name = "initiatives/desk/form.html"
    page_title = _("Initiatief invoeren")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=InitiativeDeskForm()))

    def post(self, request):
        form = InitiativeDeskForm(request.POST)

        def enter(data):
            initiative, secret = initiative_enter_at_desk(plan=form.plan(), entered_by=request.user)
            return initiative.reference, receipt(request, initiative, secret)

        response = enter_once(form, enter, InitiativeError)
        return response or self.render_to_response(self.get_context_data(form=form))


def receipt(request, initiative, secret: str):
    """The printed receipt in the resident's language, with the link that puts the initiative
    in their account (in that language too)."""
    with translation.override(initiative.language):
        follow_url = absolute_url(reverse("initiatives:accept", args=[secret]))
    invitation = initiative.co_initiators.filter(as_initiator=True).first()
    return render_receipt(
        request,
        "initiatives/desk/receipt.html",
        language=initiative.language,
        context={
            "initiative": initiative,
            "reference": initiative.reference,
            "follow_url": follow_url,
            "email": invitation.email if invitation else "",
            "created_at": timezone.localtime(initiative.submitted_at),
            "deadline": timezone.localtime(initiative.first_response_deadline),
        },
    )


def desk_entry() -> DeskEntry:
    return DeskEntry(
        key="initiatief",
        label=_("Initiatief"),
        description=_(
            "Een plan van de inwoner voor de buurt. De gemeente helpt, soms met geld. De "
            "inwoner heeft geen account nodig."
        ),
        url_name="initiatives_desk:new",
        perm=DESK_PERM,
        order=20,
    )


app_name = "initiatives_desk"
urlpatterns = [path("", DeskInitiativeView.as_view(), name="new")]
