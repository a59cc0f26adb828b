"""Forms of the public side: the gallery filter, 'ik doe mee' and booking a spreekuur."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.models import Wijk

from ..models import Theme
from ..workflow import PUBLIC, Status


class VolunteerForm(forms.Form):
    name = forms.CharField(
        label=_("Uw naam"),
        max_length=80,
        error_messages={"required": _("Vul uw naam in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    phone = forms.RegexField(
        label=_("Telefoonnummer"),
        required=False,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        error_messages={"invalid": _("Dit telefoonnummer klopt niet. Gebruik alleen cijfers.")},
    )
    message = forms.CharField(
        label=_("Wat wilt u doen?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: ik kan op zaterdag helpen, of ik kan goed bakken."),
    )
    share_contact = forms.BooleanField(
        label=_("De initiatiefnemer mag mijn e-mailadres en telefoonnummer zien"),
        required=False,
        help_text=_("Zonder dit vinkje ziet de initiatiefnemer alleen uw naam."),
    )


class GalleryFilterForm(forms.Form):
    """A GET form: works without JavaScript, and a filtered list has its own link."""

    wijk = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.ordered(),
        required=False,
        empty_label=_("Alle wijken"),
        to_field_name="slug",
    )
    thema = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *Theme.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Stand van zaken"),
        choices=[("", _("Alles"))] + [(s.value, s.label) for s in Status if s in PUBLIC],
        required=False,
    )


class BookingForm(forms.Form):
    """A slot on a consultation hour; no account needed, an email address or phone number is."""

    slot = forms.ChoiceField(
        label=_("Kies een tijd"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een tijd."),
            "invalid_choice": _("Dit tijdstip is niet meer vrij. Kies een andere tijd."),
        },
    )
    name = forms.CharField(
        label=_("Uw naam"), max_length=80, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Dan krijgt u een bevestiging, een herinnering en een link om af te zeggen."),
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat.")},
    )
    phone = forms.RegexField(
        label=_("Telefoonnummer"),
        required=False,
        regex=r"^\+?[0-9 ()-]{8,20}$",
        error_messages={"invalid": _("Dit telefoonnummer klopt niet. Gebruik alleen cijfers.")},
    )
    question = forms.CharField(
        label=_("Waar wilt u over praten?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kort is goed. Bijvoorbeeld: ik wil een buurtfeest organiseren."),
    )
    # A field people never see; simple bots fill in every field.
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils import timezone

        # A slot's value is its Unix time: the same whatever time zone the datetime carries.
        self.slot_map = {str(int(slot.timestamp())): slot for slot in slots}
        self.fields["slot"].choices = [
            (key, timezone.localtime(slot).strftime("%H:%M")) for key, slot in self.slot_map.items()
        ]

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("email") or data.get("phone")):
            raise ValidationError(
                _("Vul een e-mailadres of telefoonnummer in, zodat de makelaar u kan bereiken.")
            )
        if data.get("slot"):
            data["slot_start"] = self.slot_map[data["slot"]]
        return data
