"""Forms of the public side: the gallery filter, 'ik doe mee' and booking a spreekuur."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import (
    ReachableForm,
    email_field,
    honeypot_field,
    name_field,
    phone_field,
    wijk_filter_field,
)

from ..models import Theme
from ..workflow import PUBLIC, Status
from .fields import text_field


class VolunteerForm(forms.Form):
    name = name_field()
    email = email_field()
    phone = phone_field()
    message = text_field(
        _("Wat wilt u doen?"),
        rows=3,
        max_length=1000,
        help_text=_("Bijvoorbeeld: ik kan op zaterdag helpen, of ik kan goed bakken."),
    )
    share_contact = forms.BooleanField(
        label=_("De bewoner die het plan maakte, mag mijn e-mailadres en telefoonnummer zien"),
        required=False,
        help_text=_("Zonder dit vinkje ziet de bewoner die het plan maakte alleen uw naam."),
    )


class GalleryFilterForm(forms.Form):
    """A GET form: works without JavaScript, and a filtered list has its own link."""

    wijk = wijk_filter_field()
    thema = forms.ChoiceField(
        label=_("Thema"), choices=[("", _("Alle thema's")), *Theme.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Stand van zaken"),
        choices=[("", _("Alles"))] + [(s.value, s.label) for s in Status if s in PUBLIC],
        required=False,
    )


class BookingForm(ReachableForm):
    """A slot on a consultation hour; no account needed, an email address or phone number is."""

    slot = forms.ChoiceField(
        label=_("Kies een tijd"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een tijd."),
            "invalid_choice": _("Dit tijdstip is niet meer vrij. Kies een andere tijd."),
        },
    )
    name = name_field()
    email = email_field(
        help_text=_("Dan krijgt u een bevestiging, een herinnering en een link om af te zeggen.")
    )
    phone = phone_field()
    question = text_field(
        _("Waar wilt u over praten?"),
        rows=3,
        max_length=1000,
        help_text=_("Kort is goed. Bijvoorbeeld: ik wil een buurtfeest organiseren."),
    )
    website = honeypot_field()

    field_order = ["slot"]
    reach_message = _("Vul een e-mailadres of telefoonnummer in, zodat de gemeente u kan bereiken.")

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
        if data.get("slot"):
            data["slot_start"] = self.slot_map[data["slot"]]
        return data
