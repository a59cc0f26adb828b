"""Initiatives in the Wagtail admin: the brokers' workspace under /beheer/initiatieven/, and the
reference data (advice texts, funds, which broker covers which wijk) as snippets."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.policies import RolePermissionPolicy

from . import rules
from .models import AdviceTemplate, BrokerWijk, Fund
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


class WorkspaceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("initiatives.use_workspace")


@hooks.register("register_admin_urls")
def register_workspace_urls():
    return [path("initiatieven/", include(workspace_urls, namespace="initiatives_workspace"))]


@hooks.register("register_admin_menu_item")
def register_workspace_menu_item():
    return WorkspaceMenuItem(
        _("Initiatieven"),
        reverse_lazy("initiatives_workspace:queue"),
        name="initiatieven",
        icon_name="group",
        order=160,
    )


class AdviceTemplateViewSet(SnippetViewSet):
    model = AdviceTemplate
    icon = "doc-full"
    menu_label = _("Adviesteksten")
    list_display = ["title", "page", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "text"]


class FundViewSet(SnippetViewSet):
    model = Fund
    icon = "tag"
    menu_label = _("Fondsen")
    list_display = ["wijk", "year", "total_cents", "granted_cents"]
    list_filter = ["year"]


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
