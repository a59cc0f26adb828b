"""The user forms of the Wagtail admin, for our email-only user: a display name instead of
first and last name, plus wijk, department and language. They offer only the rights the editor
may give (accounts.rights) and save roles through the one roles service."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from . import rights
from .services import user_set_roles

User = get_user_model()
PROFILE_FIELDS = {"display_name", "wijk", "afdeling", "preferred_language"}


class RightsLimitedForm(forms.ModelForm):
    """Roles and the superuser flag as far as `editor` may give them. The choices show only
    those; a crafted POST for anything else gets a Dutch error and saves nothing."""

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        groups = self.fields["groups"]
        groups.queryset = rights.grantable_groups(editor).order_by("name")
        groups.error_messages = {**groups.error_messages, "invalid_choice": rights.ROLE_REFUSED}
        if "is_superuser" in self.fields:
            if editor.is_superuser:
                self.fields["is_superuser"].label = _("Alle rechten (superuser)")
                self.fields["is_superuser"].help_text = _(
                    "Een superuser mag alles, ook meldingen over ondermijning zien en rechten "
                    "geven."
                )
            else:
                del self.fields["is_superuser"]

    def clean(self):
        cleaned_data = super().clean()
        # Read the flag from the POST itself: for a non-superuser the field is gone, and a
        # request that still carries it is refused rather than silently ignored.
        superuser = forms.CheckboxInput().value_from_datadict(
            self.data, self.files, self.add_prefix("is_superuser")
        )
        if "groups" in cleaned_data:
            try:
                rights.check_grant(
                    editor=self.editor,
                    target=self.instance,
                    groups=self.chosen_groups(),
                    superuser=superuser,
                )
            except PermissionDenied as refused:
                self.add_error(None, str(refused))
        return cleaned_data

    def chosen_groups(self) -> list:
        """The ticked groups, plus those the account holds that the editor cannot give (only
        on one's own account: nobody else with such a group is in reach). Not offered is not
        the same as taken away."""
        chosen = list(self.cleaned_data["groups"])
        if self.instance.pk:
            chosen += self.instance.groups.exclude(pk__in=self.fields["groups"].queryset)
        return chosen

    def save(self, commit=True):
        groups = self.chosen_groups()
        # The roles go through the service (checks, staff flag), not the form's m2m save.
        self.cleaned_data.pop("groups")
        user = super().save(commit=commit)

        def save_roles():
            user_set_roles(
                user=user, role_names=[group.name for group in groups], actor=self.editor
            )

        if commit:
            save_roles()
        else:
            save_m2m = self.save_m2m

            def save_all():
                save_m2m()
                save_roles()

            self.save_m2m = save_all
        return user


class ZuidwestUserCreationForm(RightsLimitedForm, UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = {"email", "is_superuser", "groups"} | PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class ZuidwestUserEditForm(RightsLimitedForm, UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = {"email", "is_active", "is_superuser", "groups"} | PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}
