from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import email_field, honeypot_field

from .models import Audience


class ContributionForm(forms.Form):
    text = forms.CharField(
        label=_("Uw reactie"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf eerst uw reactie.")},
    )
    name = forms.CharField(label=_("Uw naam"), max_length=120, required=False)
    email = email_field(
        label=_("Uw e-mailadres"),
        help_text=_(
            "Dan krijgt u een bericht als we vertellen wat er met de reacties is gedaan. We "
            "gebruiken uw e-mailadres nergens anders voor."
        ),
        error_messages={
            "invalid": _("Dit e-mailadres klopt niet. Bijvoorbeeld: naam@voorbeeld.nl")
        },
    )
    website = honeypot_field()


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ik heb de botsingen gezien en wil het traject toch publiceren"), required=False
    )


class ReportForm(forms.Form):
    report = forms.CharField(
        label=_("Wat is er met de reacties gedaan?"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "In eenvoudige woorden: wat hebben bewoners gezegd, wat doet de gemeente daarmee, en "
            "wat niet (en waarom niet)? Iedereen die reageerde krijgt dit bericht."
        ),
        error_messages={"required": _("Schrijf wat er met de reacties is gedaan.")},
    )


AUDIENCE_CHOICES = Audience.choices
