"""The staff side of a module in the Wagtail admin: its own views under /beheer/<prefix>/ and a
menu item that only the people who may use them see. Every module registers it the same way."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse_lazy
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column

from common.l10n import format_money


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with `perm`; the views check the same permission."""

    def __init__(self, *args, perm: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.perm = perm

    def is_shown(self, request):
        return request.user.has_perm(self.perm)


def register_staff_area(
    *,
    prefix: str,
    urls,
    namespace: str,
    perm: str,
    label,
    start: str,
    name: str,
    icon: str,
    order: int,
) -> None:
    """Mount `urls` at /beheer/<prefix> as `namespace`, and a menu item `label` that opens the
    view `start` there."""
    hooks.register(
        "register_admin_urls", lambda: [path(prefix, include(urls, namespace=namespace))]
    )
    hooks.register(
        "register_admin_menu_item",
        lambda: PermissionMenuItem(
            label,
            reverse_lazy(f"{namespace}:{start}"),
            perm=perm,
            name=name,
            icon_name=icon,
            order=order,
        ),
    )


class StaffAreaMixin:
    """A view of a module's staff side: only users with `perm` get in (Wagtail already demands
    admin access). The breadcrumbs start at the admin's home and the area's first page."""

    perm: str

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.perm):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EuroColumn(Column):
    """A column of an amount kept in whole cents, shown in euros the way the reader's language
    writes them ('€ 25.000,00'): a listing never shows the cents themselves."""

    def get_value(self, instance):
        return format_money(super().get_value(instance))


def staff_breadcrumbs(start: str, label) -> list[dict]:
    """The breadcrumbs of an area's pages: the admin's home, then the view `start`."""
    return [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy(start), "label": label},
    ]


class MomentColumn(Column):
    """A date and time in a Wagtail listing as the day and the clock ("14 maart 2027, 19:30").
    Wagtail's DateColumn writes the time since, which says "Zojuist" for every moment still to
    come (an activity's start, a deadline)."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if not value:
            return ""
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
