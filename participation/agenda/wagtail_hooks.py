"""The agenda in the Wagtail admin: activities and registrations as snippets (staff/)."""

from wagtail.snippets.models import register_snippet

from .staff.viewsets import AgendaViewSetGroup

register_snippet(AgendaViewSetGroup)
