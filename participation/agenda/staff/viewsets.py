"""The agenda in the Wagtail admin (/beheer/): coordinators and editors plan activities; only the
coordinators who organise them see who registered (names and phone numbers, for a call when a
place comes free), sign a resident up and cancel for one (staff/registrations.py, through the
services). Nobody edits a registration's details here."""

from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from accounts.policies import RolePermissionPolicy
from common.staff import MomentColumn

from .. import workflow
from ..models import Activity, Registration
from ..rules import AGENDA_ROLES, ORGANISER_ROLES
from ..services.registrations import MANAGE_REGISTRATIONS
from . import registrations

# Coordinators and editors plan activities. The registrations, with residents' contact details,
# are the organisers' alone; they are added and cancelled through the services
# (staff/registrations.py), so the snippet's own add, change and delete are refused to everyone.
register_permission_policy(
    Activity, RolePermissionPolicy(Activity, roles=AGENDA_ROLES, perm="agenda.manage_agenda")
)
register_permission_policy(
    Registration,
    RolePermissionPolicy(
        Registration,
        roles=ORGANISER_ROLES,
        perm=MANAGE_REGISTRATIONS,
        refused={"add", "change", "delete"},
    ),
)


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Activiteiten")
    url_prefix = "agenda/activiteiten"
    list_display = [
        "title",
        Column("type", label=_("soort"), accessor="get_type_display"),
        "wijk",
        MomentColumn("starts_at", label=_("begint om")),
        Column("confirmed_count", label=_("aangemeld")),
        Column("capacity", label=_("plaatsen")),
        Column("waiting_count", label=_("wachtlijst")),
        Column("is_published", label=_("gepubliceerd")),
    ]
    list_filter = ["wijk", "type", "is_published"]
    search_fields = ["title", "place", "organiser"]
    search_backend_name = None
    ordering = ["-starts_at"]
    copy_view_enabled = True
    panels = [
        FieldRowPanel([FieldPanel("type"), FieldPanel("wijk")]),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("address")], heading=_("Waar")),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Wanneer")),
        MultiFieldPanel(
            [FieldPanel("registration_open"), FieldPanel("capacity")], heading=_("Aanmelden")
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("contact_email"), FieldPanel("audience")],
            heading=_("Organisatie"),
        ),
        FieldPanel("is_published"),
    ]


class CancelColumn(Column):
    def get_value(self, instance):
        if not workflow.is_active(instance.status):
            return ""
        return format_html(
            '<a class="button button-small button-secondary" href="{}">{}</a>',
            registrations.cancel_url(instance),
            _("Afmelden…"),
        )


class RegistrationIndexView(IndexView):
    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(_("Inwoner aanmelden"), url=registrations.enter_url(), icon_name="plus"),
        ]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Aanmeldingen")
    url_prefix = "agenda/aanmeldingen"
    list_display = [
        "name",
        "activity",
        Column("status", label=_("status"), accessor="get_status_display"),
        "email",
        "phone",
        Column("language", label=_("taal van de inwoner"), accessor="language_name"),
        MomentColumn("created_at", label=_("aangemeld op")),
        CancelColumn("cancel", label=_("afmelden")),
    ]
    list_filter = ["status", "activity__wijk"]
    search_fields = ["name", "email", "phone", "activity__title"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["activity", "status", "name", "email", "phone", "language", "created_at"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("activity")

    def get_urlpatterns(self):
        # Wagtail's own first: the menu opens the first pattern (the listing).
        return [
            *super().get_urlpatterns(),
            path(
                "afmelden/<int:pk>/",
                registrations.RegistrationCancelView.as_view(),
                name="cancel",
            ),
            path(
                "inwoner-aanmelden/",
                registrations.OrganiserRegistrationView.as_view(),
                name="enter",
            ),
        ]


class AgendaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 210
    items = (ActivityViewSet, RegistrationViewSet)
