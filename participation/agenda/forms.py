"""Forms of the agenda: the filter (a GET form, so a filtered list has its own link and works
without JavaScript) and the registration (no account needed; a honeypot field for bots)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ReachableForm, email_field, honeypot_field, name_field, phone_field
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


class RegistrationForm(ReachableForm):
    name = name_field()
    email = email_field(
        help_text=_("Dan krijgt u een bevestiging, een herinnering en een link om af te melden.")
    )
    phone = phone_field(
        help_text=_("Heeft u geen e-mail? Dan belt de organisator u als dat nodig is.")
    )
    website = honeypot_field()
    reach_message = _(
        "Vul een e-mailadres of telefoonnummer in, zodat de organisator u kan bereiken."
    )
