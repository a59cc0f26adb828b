"""The user forms of the Wagtail admin, for our email-only user: a display name instead of
first and last name, plus wijk, department and language."""

from django import forms
from django.contrib.auth import get_user_model
from wagtail.users.forms import UserCreationForm, UserEditForm

User = get_user_model()
PROFILE_FIELDS = {"display_name", "wijk", "afdeling", "preferred_language"}


class ZuidwestUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = {"email", "is_superuser", "groups"} | PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class ZuidwestUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = {"email", "is_active", "is_superuser", "groups"} | PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}
