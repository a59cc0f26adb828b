"""Initiatives in the Wagtail admin: the brokers' workspace under /beheer/initiatieven/, and the
reference data (advice texts, funds, which broker covers which wijk) as snippets."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.policies import RolePermissionPolicy
from common.money import EuroField
from common.staff import EuroColumn, register_staff_area

from . import rules
from .models import AdviceTemplate, BrokerWijk, Fund
from .staff import desk
from .staff import urls as workspace_urls

register_permission_policy(
    AdviceTemplate,
    RolePermissionPolicy(
        AdviceTemplate,
        roles=rules.BROKER_ROLES | rules.OVERSEER_ROLES,
        perm="initiatives.use_workspace",
    ),
)
for _model in (Fund, BrokerWijk):
    register_permission_policy(
        _model,
        RolePermissionPolicy(
            _model, roles=rules.OVERSEER_ROLES, perm="initiatives.manage_reference_data"
        ),
    )


register_staff_area(
    prefix="initiatieven/",
    urls=workspace_urls,
    namespace="initiatives_workspace",
    perm="initiatives.use_workspace",
    label=_("Initiatieven"),
    start="queue",
    name="initiatieven",
    icon="group",
    order=160,
)


class AdviceTemplateViewSet(SnippetViewSet):
    model = AdviceTemplate
    icon = "doc-full"
    menu_label = _("Adviesteksten")
    list_display = ["title", "page", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "text"]


class FundForm(WagtailAdminModelForm):
    """The fund's budget typed in euros, like every other amount; stored as cents."""

    total_cents = EuroField(label=_("Budget (euro)"), help_text=_("Bijvoorbeeld 25.000 of 600,50"))


class FundViewSet(SnippetViewSet):
    model = Fund
    icon = "tag"
    menu_label = _("Fondsen")
    list_display = [
        "wijk",
        "year",
        EuroColumn("total_cents", label=_("Budget")),
        EuroColumn("granted_cents", label=_("Toegekend")),
        EuroColumn("remaining_cents", label=_("Nog over")),
    ]
    list_filter = ["year"]
    edit_handler = ObjectList(
        [FieldPanel("wijk"), FieldPanel("year"), FieldPanel("total_cents")],
        base_form_class=FundForm,
    )


class BrokerWijkViewSet(SnippetViewSet):
    model = BrokerWijk
    icon = "group"
    menu_label = _("Makelaars per wijk")
    list_display = ["broker", "wijk"]


class InitiativesSettingsGroup(SnippetViewSetGroup):
    menu_label = _("Initiatieven instellen")
    menu_icon = "cogs"
    menu_order = 320
    items = (AdviceTemplateViewSet, FundViewSet, BrokerWijkViewSet)


register_snippet(InitiativesSettingsGroup)

# The desk form of the participatiewinkel, inside its desk area (accounts/desk.py).
hooks.register(
    "register_admin_urls",
    lambda: [path("balie/initiatief/", include(desk, namespace="initiatives_desk"))],
)
