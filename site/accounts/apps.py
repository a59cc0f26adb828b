from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from .erasure import COVERS, erase_account
        from .exports import register_eraser

        register_eraser("account", erase_account, covers=COVERS, last=True)


class ZuidwestUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with our user forms (see accounts/viewsets.py); its groups, with
    their permissions, only for superusers."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"

    def ready(self):
        super().ready()
        from django.contrib.auth.models import Group
        from wagtail.permissions import register_permission_policy

        from .policies import SuperuserOnlyPolicy

        register_permission_policy(Group, SuperuserOnlyPolicy(Group))
