from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import limit_email_field

from .models import User


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name",
            "wijk",
            "preferred_language",
            "notify_updates",
            "notify_wijk_news",
        ]
        widgets = {"preferred_language": forms.RadioSelect}


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, verwijder mijn account en mijn persoonlijke gegevens."),
        error_messages={"required": _("Zet een vinkje om te laten zien dat u het zeker weet.")},
    )


class EmailLimitMixin:
    """allauth's email fields accept 320 characters and its sign-up cuts the address to the 254
    the column holds, so a second try fails on the unique address: refuse a long address with
    the same message as every other form instead. Settings' ACCOUNT_FORMS point here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.EmailField):
                limit_email_field(field)


class LoginForm(EmailLimitMixin, allauth_forms.LoginForm):
    pass


class SignupForm(EmailLimitMixin, allauth_forms.SignupForm):
    pass


class AddEmailForm(EmailLimitMixin, allauth_forms.AddEmailForm):
    pass


class ChangeEmailForm(EmailLimitMixin, allauth_forms.ChangeEmailForm):
    pass


class RequestLoginCodeForm(EmailLimitMixin, allauth_forms.RequestLoginCodeForm):
    pass


class ResetPasswordForm(EmailLimitMixin, allauth_forms.ResetPasswordForm):
    pass
