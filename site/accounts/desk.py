"""The desk area of the participatiewinkel under /beheer/balie/: a desk employee enters input
for a resident at the desk or on the phone. Each module registers what can be entered (in its
AppConfig.ready) with the page of its own desk form and the permission that form asks; this page
lists the entries the employee may use. The shared form, entry and receipt pieces are in
common/desk.py."""

from dataclasses import dataclass

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.staff import StaffAreaMixin, staff_breadcrumbs

DESK_PERM = "accounts.use_desk"


@dataclass(frozen=True)
class DeskEntry:
    key: str
    label: str
    description: str
    url_name: str  # the module's desk form, e.g. "meldingen_desk:new"
    perm: str
    order: int = 100

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, DeskEntry] = {}


def register_desk_entry(entry: DeskEntry) -> None:
    _entries[entry.key] = entry


def desk_entries(user) -> list[DeskEntry]:
    return [
        entry
        for entry in sorted(_entries.values(), key=lambda e: (e.order, e.key))
        if user.has_perm(entry.perm)
    ]


class DeskMixin(StaffAreaMixin):
    """A page of the desk area: desk employees only (a module's form sets its own `perm`)."""

    perm = DESK_PERM
    header_icon = "user"
    breadcrumbs_items = staff_breadcrumbs("desk:home", _("Balie"))


class DeskHomeView(DeskMixin, WagtailAdminTemplateMixin, View):
    template_name = "accounts/desk/home.html"
    page_title = _("Balie en telefoon")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items[:1], {"url": "", "label": _("Balie")}]

    def get(self, request):
        return self.render_to_response(self.get_context_data(entries=desk_entries(request.user)))


app_name = "desk"
urlpatterns = [path("", DeskHomeView.as_view(), name="home")]
