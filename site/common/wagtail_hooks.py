"""Reference data edited in the Wagtail admin (bakerydemo's breads/wagtail_hooks.py pattern)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .feedback.language import translated_panels
from .models import Afdeling, Wijk


class WijkViewSet(SnippetViewSet):
    model = Wijk
    icon = "site"
    menu_label = _("Wijken")
    list_display = ["name", "slug", "cbs_code", "postcode_ranges"]
    search_fields = ["name"]


class AfdelingViewSet(SnippetViewSet):
    model = Afdeling
    icon = "group"
    menu_label = _("Afdelingen")
    list_display = ["name", "email"]
    search_fields = ["name"]
    # The public name in every language (common/translated_names.py), like the categories.
    panels = [
        *translated_panels("name"),
        FieldPanel("slug"),
        FieldPanel("email"),
    ]


class ReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Referentiedata")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (WijkViewSet, AfdelingViewSet)


register_snippet(ReferenceGroup)
