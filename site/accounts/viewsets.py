from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .admin_forms import ZuidwestUserCreationForm, ZuidwestUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return ZuidwestUserEditForm if for_update else ZuidwestUserCreationForm
