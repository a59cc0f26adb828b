"""The agenda in the Wagtail admin (/beheer/): coordinators and editors plan activities and see
who registered (names and phone numbers, for a call when a place comes free). Registrations
come from the site; staff do not add or edit them here."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.policies import RolePermissionPolicy

from ..models import Activity, Registration
from ..rules import AGENDA_ROLES

# Coordinators and editors may do everything the viewset allows; registrations come from the site,
# so adding, changing or deleting them is refused to everyone.
register_permission_policy(
    Activity, RolePermissionPolicy(Activity, roles=AGENDA_ROLES, perm="agenda.manage_agenda")
)
register_permission_policy(
    Registration,
    RolePermissionPolicy(
        Registration,
        roles=AGENDA_ROLES,
        perm="agenda.manage_agenda",
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
        DateColumn("starts_at", label=_("begint om")),
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


class RegistrationViewSet(SnippetViewSet):
    model = Registration
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
        DateColumn("created_at", label=_("aangemeld op")),
    ]
    list_filter = ["status", "activity__wijk"]
    search_fields = ["name", "email", "phone", "activity__title"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["activity", "status", "name", "email", "phone", "language", "created_at"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("activity")


class AgendaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 210
    items = (ActivityViewSet, RegistrationViewSet)
