"""The participatiewinkel's parts of the Wagtail admin that are not pages."""

from wagtail.snippets.models import register_snippet

from .agenda.admin import AgendaViewSetGroup

register_snippet(AgendaViewSetGroup)
