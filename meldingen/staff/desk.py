"""A report entered at the participatiewinkel's desk or on the phone, for the resident (the
desk area: accounts/desk.py; the shared pieces: common/desk.py). The report is made by the same
service as the public form, `melding_create`, which also mails the follow link; the receipt
shows that link once and forgets it, as the public thank-you page does."""

from django import forms
from django.conf import settings
from django.urls import path, reverse
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

from ..figures.filters import category_label
from ..forms import LocationForm, written
from ..models import Category
from ..services import Intake, MeldingError, melding_create

DESK_PERM = "meldingen.enter_at_desk"


class DeskCategoryField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return category_label(obj, settings.LANGUAGE_CODE)


class MeldingDeskForm(DeskResidentForm, LocationForm):
    """The public form's questions in one page (what, where, the description) and the
    resident's part. A sensitive report may stay anonymous, as on the public form."""

    category = DeskCategoryField(
        label=_("Wat meldt de inwoner?"),
        queryset=Category.objects.filter(is_active=True, parent__isnull=False)
        .select_related("parent")
        .order_by("parent__sort_order", "sort_order"),
        error_messages={"required": _("Kies wat de inwoner wil melden.")},
    )
    description = written(
        _("Wat is er aan de hand?"), required=_("Beschrijf kort wat er aan de hand is.")
    )

    field_order = [
        "channel",
        "language",
        "category",
        "description",
        "postcode",
        "huisnummer",
        "email",
        "phone",
        "consent",
    ]

    def contact_needed(self, cleaned: dict) -> bool:
        category = cleaned.get("category")
        return not (category and category.is_sensitive)


class DeskMeldingView(DeskMixin, WagtailAdminTemplateMixin, View):
    perm = DESK_PERM
    template_name = "meldingen/desk/form.html"
    page_title = _("Melding invoeren")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(form=MeldingDeskForm()))

    def post(self, request):
        form = MeldingDeskForm(request.POST)

        def enter(data):
            melding, secret = melding_create(intake=intake_from(data), photos=[], reporter=None)
            return melding.reference, receipt(request, melding, secret)

        response = enter_once(form, enter, MeldingError)
        return response or self.render_to_response(self.get_context_data(form=form))


def intake_from(data: dict) -> Intake:
    email = data.get("email", "")
    return Intake(
        category=data["category"],
        description=data["description"],
        lat=data.get("lat"),
        lon=data.get("lon"),
        postcode=data.get("postcode", ""),
        address=" ".join(filter(None, [data.get("postcode"), data.get("huisnummer", "").strip()])),
        email=email,
        phone=data.get("phone", ""),
        keep_informed=bool(email),
        language=data["language"],
        channel=data["channel"],
    )


def receipt(request, melding, secret: str):
    """The printed receipt, in the resident's language: the follow page in that language too."""
    with translation.override(melding.language):
        follow_url = absolute_url(
            reverse("meldingen:follow", kwargs={"reference": melding.reference, "secret": secret})
        )
    return render_receipt(
        request,
        "meldingen/desk/receipt.html",
        language=melding.language,
        context={
            "melding": melding,
            "reference": melding.reference,
            "category": category_label(melding.category, melding.language),
            "follow_url": follow_url,
            "email": melding.reporter_email,
            "created_at": timezone.localtime(melding.created_at),
            "deadline": timezone.localtime(melding.deadline) if melding.deadline else None,
        },
    )


def desk_entry() -> DeskEntry:
    return DeskEntry(
        key="melding",
        label=_("Melding"),
        description=_(
            "Iets kapot, vies of onveilig in de buurt. Ook een gevoelige melding, als de inwoner "
            "dat wil zonder naam of contact."
        ),
        url_name="meldingen_desk:new",
        perm=DESK_PERM,
        order=10,
    )


app_name = "meldingen_desk"
urlpatterns = [path("", DeskMeldingView.as_view(), name="new")]
