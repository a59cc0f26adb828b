"""Wagtail's user admin with our forms, and with accounts.rights on every account: an account
with more rights than the editor is listed, but cannot be opened, changed or deleted."""

from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.users.views import users

from . import rights
from .admin_forms import ZuidwestUserCreationForm, ZuidwestUserEditForm


class EditorFormMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class RefuseOutOfReachMixin:
    """Send the editor back to the list, with the reason, from an account out of their reach."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not request.user.has_perm("accounts.manage_account", self.object):
            messages.error(request, str(rights.ACCOUNT_REFUSED))
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)


class IndexView(users.IndexView):
    def get_base_queryset(self):
        editor = self.request.user
        queryset = super().get_base_queryset()
        if editor.is_superuser:
            return queryset
        reach = rights.manageable_users(editor).filter(pk=OuterRef("pk"))
        return queryset.annotate(in_reach=Exists(reach))

    def in_reach(self, instance) -> bool:
        return getattr(instance, "in_reach", True)

    def get_edit_url(self, instance):
        if self.in_reach(instance):
            return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self.in_reach(instance):
            return super().get_delete_url(instance)


class CreateView(EditorFormMixin, users.CreateView):
    pass


class EditView(RefuseOutOfReachMixin, EditorFormMixin, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.can_delete = rights.is_deletable(request.user, self.object)


class DeleteView(RefuseOutOfReachMixin, users.DeleteView):
    pass


class UserViewSet(users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    # A copy would carry the original's roles and flags into a new account past the checks
    # above; an account is made from scratch instead.
    copy_view_enabled = False

    def get_form_class(self, for_update: bool = False):
        return ZuidwestUserEditForm if for_update else ZuidwestUserCreationForm
