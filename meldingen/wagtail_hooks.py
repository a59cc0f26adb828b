"""Meldingen in the Wagtail admin: the handlers' queue under /beheer/meldingen/, and the reference
data (categories, routing rules, standard texts) for the beheerder (bakerydemo's
breads/wagtail_hooks.py pattern)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts import roles
from accounts.policies import RolePermissionPolicy
from common.feedback.language import translated_panels
from common.staff import register_staff_area

from .models import Category, RoutingRule, StandardText
from .staff import desk
from .staff import urls as backoffice_urls

# Registered before the viewsets below ask for a policy (Wagtail 8).
for _model in (Category, RoutingRule, StandardText):
    # Reference data is the beheerder's.
    register_permission_policy(
        _model,
        RolePermissionPolicy(
            _model, roles={roles.BEHEERDER}, perm="meldingen.manage_reference_data"
        ),
    )


register_staff_area(
    prefix="meldingen/",
    urls=backoffice_urls,
    namespace="meldingen_backoffice",
    perm="meldingen.use_queue",
    label=_("Meldingen"),
    start="queue",
    name="meldingen",
    icon="warning",
    order=150,
)

# The desk form of the participatiewinkel, inside its desk area (accounts/desk.py).
hooks.register(
    "register_admin_urls",
    lambda: [path("balie/melding/", include(desk, namespace="meldingen_desk"))],
)


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categorieën")
    list_display = ["__str__", "default_afdeling", "handling_days", "is_public", "is_sensitive"]
    list_filter = ["is_sensitive", "is_public", "is_active"]
    search_fields = ["name", "keywords"]
    panels = [
        FieldPanel("parent"),
        *translated_panels("name"),
        FieldPanel("slug"),
        FieldPanel("icon"),
        FieldPanel("keywords"),
        FieldPanel("default_afdeling"),
        FieldPanel("handling_days"),
        *translated_panels("handling_message"),
        FieldPanel("is_public"),
        FieldPanel("is_sensitive"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]


class RoutingRuleViewSet(SnippetViewSet):
    model = RoutingRule
    icon = "arrow-right"
    menu_label = _("Routeringsregels")
    list_display = ["category", "wijk", "afdeling"]


class StandardTextViewSet(SnippetViewSet):
    model = StandardText
    icon = "doc-full"
    menu_label = _("Standaardteksten")
    list_display = ["title", "category", "status"]
    list_filter = ["status"]
    search_fields = ["title", "text"]
    panels = [
        FieldPanel("category"),
        FieldPanel("status"),
        *translated_panels("title"),
        *translated_panels("text"),
    ]


class MeldingenSettingsGroup(SnippetViewSetGroup):
    menu_label = _("Meldingen instellen")
    menu_icon = "cogs"
    menu_order = 310
    items = (CategoryViewSet, RoutingRuleViewSet, StandardTextViewSet)


register_snippet(MeldingenSettingsGroup)
