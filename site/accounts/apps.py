from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")


class ZuidwestUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with our user forms (see accounts/viewsets.py)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
