from django import forms
from django.utils.translation import gettext_lazy as _

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
