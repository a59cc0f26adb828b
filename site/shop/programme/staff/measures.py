"""Measures in the Wagtail admin (snippets): editors filter by theme and status, see the top ten
first, and publish with drafts, revisions, scheduling and previews."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import Measure


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "list-ol"
    menu_label = _("Maatregelen")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("theme", label=_("Thema")),
        Column("status", label=_("Stand"), accessor="get_status_display"),
        Column("top10_rank", label=_("Top 10")),
    ]
    list_filter = ["status", "theme", "locale"]
    search_fields = ["title", "text"]
    ordering = ["top10_rank", "theme", "number"]
