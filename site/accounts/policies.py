"""One Wagtail permission policy for models that belong to roles: the app's django-rules
permission (`perm`, registered in its rules.py for these roles) grants every action, on top of
any Django permission given to a user by hand, and some actions can be refused to everyone,
superusers too (e.g. adding what only comes from the public site)."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy


class RolePermissionPolicy(ModelPermissionPolicy):
    def __init__(
        self,
        model,
        *,
        roles: Iterable[str],
        perm: str,
        refused: Iterable[str] = (),
    ):
        super().__init__(model)
        self.roles = frozenset(roles)
        self.perm = perm
        self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return user.has_perm(self.perm) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.refused]
        if not actions:
            return get_user_model().objects.none()
        by_permission = super().users_with_any_permission(actions).values("pk")
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(pk__in=by_permission) | Q(is_superuser=True) | Q(groups__name__in=self.roles))
            .distinct()
        )


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Only superusers, whatever permissions anyone else was given: for the groups, whose
    permissions decide everyone's rights (accounts.rights)."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
