"""The user bulk actions of Wagtail's user list, under accounts.rights: a role is given only
as far as the editor may give it and through the roles service; accounts out of the editor's
reach are skipped (Wagtail lists them as 'no permission'). And the desk area of the
participatiewinkel under /beheer/balie/ (accounts/desk.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from common.staff import register_staff_area

from . import desk, rights
from .services import user_set_roles


class InReachMixin:
    def check_perm(self, obj):
        return super().check_perm(obj) and self.request.user.has_perm(
            "accounts.manage_account", obj
        )


class AssignGrantableRoleBulkAction(InReachMixin, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        role = form.fields["role"]
        role.queryset = rights.grantable_groups(self.request.user).order_by("name")
        role.error_messages = {**role.error_messages, "invalid_choice": rights.ROLE_REFUSED}
        return form

    def get_execution_context(self):
        return {**super().get_execution_context(), "actor": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, actor=None, **kwargs):
        if role is None:
            return
        for user in objects:
            names = {*user.groups.values_list("name", flat=True), role.name}
            user_set_roles(user=user, role_names=names, actor=actor)
        return len(objects), 0


class SetActiveStateInReachBulkAction(InReachMixin, SetActiveStateBulkAction):
    pass


class DeleteInReachBulkAction(InReachMixin, DeleteBulkAction):
    pass


# After Wagtail's own (order 0): the registry keeps the last class per action type.
for action_class in (
    AssignGrantableRoleBulkAction,
    SetActiveStateInReachBulkAction,
    DeleteInReachBulkAction,
):
    hooks.register("register_bulk_action", action_class, order=1)


register_staff_area(
    prefix="balie/",
    urls=desk,
    namespace="desk",
    perm=desk.DESK_PERM,
    label=_("Balie"),
    start="home",
    name="balie",
    icon="user",
    order=140,
)
