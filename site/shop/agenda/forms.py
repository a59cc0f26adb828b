"""Forms of the agenda: the filter (a GET form, so a filtered list has its own link and works
without JavaScript) and the registration (no account needed; a honeypot field for bots)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.models import Wijk

from .models import ActivityType


class AgendaFilterForm(forms.Form):
    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.ordered(),
        required=False,
        empty_label=_("Alle wijken"),
        to_field_name="slug",
    )
    soort = forms.ChoiceField(
        label=_("Soort activiteit"),
        choices=[("", _("Alle soorten")), *ActivityType.choices],
        required=False,
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("Uw naam"), max_length=80, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Dan krijgt u een bevestiging, een herinnering en een link om af te melden."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    phone = forms.RegexField(
        label=_("Telefoonnummer"),
        required=False,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        help_text=_("Heeft u geen e-mail? Dan belt de organisator u als dat nodig is."),
        error_messages={"invalid": _("Dit telefoonnummer klopt niet. Gebruik alleen cijfers.")},
    )
    # A field people never see; simple bots fill in every field.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("email") or cleaned.get("phone")):
            raise forms.ValidationError(
                _("Vul een e-mailadres of telefoonnummer in, zodat de organisator u kan bereiken.")
            )
        return cleaned
