"""Advice requests in the Wagtail admin: the participatiewinkel's inbox. Coordinators see the
open requests first with the overdue ones flagged, and answer in the edit form; saving calls
`advice_request_answer`, which emails the answer. Nobody adds requests here: they come from the
site."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from accounts.policies import RolePermissionPolicy
from common.staff import MomentColumn

from .. import workflow
from ..models import AdviceRequest
from ..rules import ADVICE_ROLES
from ..services import AdviceRequestError, advice_request_answer

# Participatiewinkel staff (coordinators) may view, answer and delete requests; adding is refused
# to everyone, superusers too: requests come from the site.
register_permission_policy(
    AdviceRequest,
    RolePermissionPolicy(
        AdviceRequest, roles=ADVICE_ROLES, perm="shop.answer_advice", refused={"add"}
    ),
)


class OverdueColumn(Column):
    """'Te laat' in red for open requests past their deadline; 'Op tijd' or 'Beantwoord'."""

    cell_template_name = "shop/methods/staff/deadline_cell.html"


class AnswerForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if not workflow.may_answer(self.instance.status):
            raise forms.ValidationError(_("Deze vraag is al beantwoord."))
        if not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Schrijf eerst een antwoord."))
        return cleaned


class AnswerView(EditView):
    """Saving the form answers the request, through the one service that may do so."""

    success_message = _("Uw antwoord op %(object)s is verstuurd.")

    def save_instance(self):
        return advice_request_answer(
            advice_request=self.object,
            answer=self.form.cleaned_data["answer"],
            actor=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except AdviceRequestError as error:  # answered by a colleague a moment ago
            form.add_error(None, str(error))
            self.produced_error_code = "validation_error"
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class AdviceRequestViewSet(SnippetViewSet):
    model = AdviceRequest
    icon = "help"
    menu_label = _("Adviesvragen")
    menu_name = "adviesvragen"
    add_to_admin_menu = True
    menu_order = 160
    url_prefix = "participatiewinkel/adviesvragen"
    edit_view_class = AnswerView
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("created_at", read_only=True),
                    FieldPanel("deadline", read_only=True),
                    FieldPanel("status", read_only=True),
                ],
                heading=_("Vraagsteller"),
            ),
            FieldPanel("question", read_only=True),
            FieldPanel("answers_text", read_only=True),
            FieldPanel("result_url", read_only=True),
            FieldPanel("answer"),
        ],
        base_form_class=AnswerForm,
    )
    inspect_view_enabled = True
    list_display = [
        "reference",
        "name",
        DateColumn("created_at", label=_("Ontvangen")),
        MomentColumn("deadline", label=_("Antwoord uiterlijk")),
        OverdueColumn("is_overdue", label=_("Op tijd?")),
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_filter = ["status"]
    search_fields = ["reference", "name", "email", "question"]
    search_backend_name = None
    ordering = ["-status", "deadline"]
    copy_view_enabled = False
