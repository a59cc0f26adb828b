"""The agenda in the Wagtail admin (/beheer/): coordinators and editors plan activities and see
who registered (names and phone numbers, for a call when a place comes free). Registrations
come from the site; staff do not add or edit them here."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Activity, Registration
from .permissions import AGENDA_ROLES, can_manage_agenda


class AgendaPolicy(ModelPermissionPolicy):
    """Coordinators and editors may do everything the viewset allows; a Django permission given
    by hand still counts. `readonly` models refuse add and change to everyone."""

    def __init__(self, model, *, readonly: bool = False):
        super().__init__(model)
        self.readonly = readonly

    def user_has_permission(self, user, action):
        if self.readonly and action in {"add", "change", "delete"}:
            return False
        return can_manage_agenda(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if self.readonly:
            actions = [a for a in actions if a not in {"add", "change", "delete"}]
        if not actions:
            return get_user_model().objects.none()
        by_permission = super().users_with_any_permission(actions).values("pk")
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(pk__in=by_permission) | Q(is_superuser=True) | Q(groups__name__in=AGENDA_ROLES)
            )
            .distinct()
        )


register_permission_policy(Activity, AgendaPolicy(Activity))
register_permission_policy(Registration, AgendaPolicy(Registration, readonly=True))


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
        DateColumn("created_at", label=_("aangemeld op")),
    ]
    list_filter = ["status", "activity__wijk"]
    search_fields = ["name", "email", "phone", "activity__title"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = ["activity", "status", "name", "email", "phone", "created_at"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("activity")


class AgendaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "date"
    menu_order = 210
    items = (ActivityViewSet, RegistrationViewSet)
