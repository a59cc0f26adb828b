"""Processes in the Wagtail admin under /beheer/inspraak/: a ModelViewSet to plan and edit them
(coordinators, beheerders; editors may prepare a concept), and the publish and report steps."""

from django import forms
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from . import rules
from .models import Process
from .staff import desk
from .staff import views as admin_views
from .staff.forms import ProcessAdminForm


class ActionsColumn(Column):
    """Publish or report, with the state in words."""

    def get_value(self, instance):
        late = instance.is_overdue()
        links = []
        if not instance.is_published:
            links.append(
                format_html(
                    '<a class="button button-small" href="{}">{}</a>',
                    reverse("processes_admin_publish", args=[instance.pk]),
                    _("Publiceren…"),
                )
            )
        else:
            label = (
                _("Terugkoppeling aanpassen")
                if instance.has_report
                else _("Terugkoppeling schrijven")
            )
            links.append(
                format_html(
                    '<a class="button button-small{}" href="{}">{}</a>',
                    "" if instance.has_report else " button-secondary",
                    reverse("processes_admin_report", args=[instance.pk]),
                    label,
                )
            )
            if late:
                links.append(format_html(" <strong>{}</strong>", _("te laat")))
        return mark_safe("".join(str(link) for link in links))  # noqa: S308 – parts escaped above


class ProcessViewSet(ModelViewSet):
    model = Process
    icon = "comment"
    menu_label = _("Inspraak")
    menu_order = 170
    add_to_admin_menu = True
    name = "processes_admin"
    url_prefix = "inspraak"
    list_display = [
        "title",
        "status",
        "starts_on",
        "ends_on",
        "followup_due",
        ActionsColumn("acties", label=_("Acties")),
    ]
    list_filter = ["status", "influence", "afdeling"]
    search_fields = ["title", "summary"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("summary"),
            FieldPanel("question"),
            FieldPanel("wijken", widget=forms.CheckboxSelectMultiple),
            FieldPanel("audience"),
            FieldPanel("afdeling", widget=forms.Select),
            FieldPanel("owner", widget=forms.Select),
            MultiFieldPanel(
                [FieldPanel("influence"), FieldPanel("influence_note")],
                heading=_("Invloed van bewoners"),
            ),
            FieldRowPanel(
                [FieldPanel("starts_on"), FieldPanel("ends_on"), FieldPanel("followup_due")],
                heading=_("Data"),
            ),
            FieldPanel("followup_expected"),
            FieldPanel("online_reactions"),
            FieldPanel("how_to_take_part"),
            InlinePanel("phases", heading=_("Fasen"), label=_("Fase")),
        ],
        base_form_class=ProcessAdminForm,
    )


@hooks.register("register_admin_viewset")
def register_process_viewset():
    return ProcessViewSet()


@hooks.register("register_admin_urls")
def register_process_steps():
    return [
        path("inspraak/<int:pk>/publiceren/", admin_views.publish, name="processes_admin_publish"),
        path(
            "inspraak/<int:pk>/terugkoppeling/", admin_views.report, name="processes_admin_report"
        ),
    ]


__all__ = ["rules"]


# The desk form of the participatiewinkel, inside its desk area (accounts/desk.py).
hooks.register(
    "register_admin_urls",
    lambda: [path("balie/reactie/", include(desk, namespace="processes_desk"))],
)
