"""Wijkbudget in the Wagtail admin: rounds are edited through a ModelViewSet
(/beheer/wijkbudget-rondes/), the work on a round happens in the workspace (/beheer/wijkbudget/).
Both answer to model permissions that migration 0002 grants to coordinators and beheerders."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from common.money import EuroField, euros_for_input

from .models import Round
from .services.rounds import publish_refusal
from .staff import urls as workspace_urls

ROUND_FIELDS = [
    "title",
    "slug",
    "intro",
    "wijken",
    "is_published",
    "ideas_open_at",
    "review_starts_at",
    "voting_starts_at",
    "voting_ends_at",
    "realisation_starts_at",
    "eligibility",
    "min_age",
    "ballot_rule",
    "min_projects",
    "max_projects",
    "min_share_percent",
    "points_total",
    "points_max_per_project",
    "outcome_rule",
    "completion",
    "score_threshold",
]


class RoundForm(WagtailAdminModelForm):
    """The round as staff edit it: the budget in euros, stored as cents."""

    budget = EuroField(label=_("Budget (euro)"), help_text=_("Bijvoorbeeld 50.000 of 12.500,50"))

    class Meta:
        model = Round
        fields = ROUND_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["budget"].initial = euros_for_input(self.instance.budget_cents)
        # Put the budget right after the wijken.
        order = list(self.fields)
        order.remove("budget")
        order.insert(order.index("wijken") + 1, "budget")
        self.order_fields(order)

    def clean(self):
        data = super().clean()
        budget = data.get("budget")
        if budget is not None and budget <= 0:
            self.add_error("budget", _("Het budget moet meer dan nul zijn."))
        elif budget is not None:
            self.instance.budget_cents = budget
        # Publishing by the tick has the same limit as the workspace's publish button.
        publishing = data.get("is_published") and not self.instance.is_published
        if publishing and self.instance.pk and (refusal := publish_refusal(self.instance)):
            self.add_error("is_published", refusal)
        return data


class RoundViewSet(ModelViewSet):
    model = Round
    name = "wijkbudget_rounds"
    url_prefix = "wijkbudget-rondes"
    icon = "table"
    menu_label = _("Wijkbudgetrondes")
    menu_order = 175
    add_to_admin_menu = True
    list_display = ["title", "budget_label", "voting_starts_at", "closed_at"]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        return RoundForm


@hooks.register("register_admin_viewset")
def register_round_viewset():
    return RoundViewSet()


class WorkspaceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("participation.use_workspace")


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("wijkbudget/", include(workspace_urls, namespace="wijkbudget_workspace"))]


@hooks.register("register_admin_menu_item")
def register_workspace_menu_item():
    return WorkspaceMenuItem(
        _("Wijkbudget"),
        reverse_lazy("wijkbudget_workspace:rounds"),
        name="wijkbudget",
        icon_name="tasks",
        order=170,
    )
