"""The agenda in the Wagtail admin: activities and registrations as snippets (staff/), and the
desk form of the participatiewinkel inside its desk area (accounts/desk.py)."""

from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .staff import desk
from .staff.viewsets import AgendaViewSetGroup

register_snippet(AgendaViewSetGroup)

hooks.register(
    "register_admin_urls",
    lambda: [path("balie/aanmelding/", include(desk, namespace="agenda_desk"))],
)
