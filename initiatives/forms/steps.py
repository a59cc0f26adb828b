"""Forms of the guided form's five steps and of the initiator's own page. They parse what was
typed; whether it is allowed is for the services to say."""

import math

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.audio import RecordingField
from common.forms import email_field
from common.images import sanitise_image
from common.models import Wijk
from common.money import EuroField
from common.services import wijk_for_point

from ..files import check_pdf
from ..models import Help, Theme
from .fields import IMAGE_TYPES, text_field

RECORDING_FIELDS = ("recording", "remove_recording")


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Hoe heet uw initiatief?"),
        max_length=120,
        help_text=_("Kort en duidelijk, bijvoorbeeld: Moestuin voor de buurt."),
        error_messages={"required": _("Geef uw initiatief een titel.")},
    )
    what_why = text_field(_("Wat wilt u doen, en waarom?"), rows=5, max_length=4000)
    recording = RecordingField(
        label=_("Of vertel het in een opname"),
        help_text=_(
            "U mag ook inspreken wat u wilt doen en waarom. Alleen u, wie met u meedoet en uw "
            "contactpersoon bij de gemeente horen het. Nooit de buren. Hoogstens 2 minuten."
        ),
    )
    remove_recording = forms.BooleanField(label=_("Mijn opname weghalen"), required=False)
    for_whom = text_field(
        _("Voor wie is het?"),
        rows=3,
        max_length=2000,
        help_text=_("Bijvoorbeeld: ouderen in de straat, kinderen van 8 tot 12 jaar."),
        required_message=_("Vertel voor wie het is."),
    )
    theme = forms.ChoiceField(
        label=_("Bij welk thema past het?"),
        choices=Theme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een thema. Past er geen? Kies dan “Anders”.")},
    )

    def __init__(self, *args, kept=None, **kwargs):
        """`kept`: the recording the initiative already has (it counts as the what and why)."""
        super().__init__(*args, **kwargs)
        self.kept = kept
        if kept is None:
            del self.fields["remove_recording"]
        else:
            self.fields["recording"].label = _("Een nieuwe opname (niet verplicht)")
            self.fields["recording"].help_text = _(
                "U heeft al een opname van %(length)s minuten. Een nieuwe opname komt daarvoor "
                "in de plaats."
            ) % {"length": kept.length}

    def clean(self):
        data = super().clean()
        for name in ("title", "for_whom"):
            if name in data and not data[name].strip():
                self.add_error(name, self.fields[name].error_messages["required"])
        has_recording = bool(data.get("recording")) or (
            self.kept is not None and not data.get("remove_recording")
        )
        if "what_why" in data and not data["what_why"].strip() and not has_recording:
            self.add_error("what_why", _("Vertel wat u wilt doen en waarom, of spreek het in."))
        return data

    def step_fields(self) -> dict:
        """The typed fields, for the services that save step 1."""
        return {k: v for k, v in self.cleaned_data.items() if k not in RECORDING_FIELDS}


class PlaceForm(forms.Form):
    wijk = forms.ModelChoiceField(
        label=_("In welke wijk?"),
        queryset=Wijk.objects.ordered(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Kies de wijk waar het gebeurt.")},
    )
    place = forms.CharField(
        label=_("Waar precies?"),
        max_length=200,
        required=False,
        help_text=_("Een straat, een plein, een buurthuis. Weet u het nog niet? Laat dit leeg."),
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)
    when_text = forms.CharField(
        label=_("Wanneer?"),
        max_length=200,
        help_text=_("Bijvoorbeeld: zaterdag 14 juni, of elke woensdagmiddag vanaf maart."),
        error_messages={"required": _("Vertel wanneer het is, ook al is het nog ongeveer.")},
    )
    start_date = forms.DateField(
        label=_("Startdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Deze datum klopt niet. Gebruik dag-maand-jaar.")},
    )

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None):
            data["lat"] = data["lon"] = None
        elif lat is not None:
            if not (math.isfinite(lat) and math.isfinite(lon)):
                raise ValidationError(_("Deze plek op de kaart klopt niet. Kies opnieuw."))
            if wijk_for_point(lat=lat, lon=lon) is None:
                raise ValidationError(
                    _("De plek op de kaart ligt niet in Zuidwest. Kies een plek in de wijk.")
                )
        if "when_text" in data and not data["when_text"].strip():
            self.add_error("when_text", self.fields["when_text"].error_messages["required"])
        return data


class NeedsForm(forms.Form):
    help_needed = forms.MultipleChoiceField(
        label=_("Waarbij heeft u hulp nodig?"),
        choices=Help.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één soort hulp.")},
    )
    help_notes = text_field(
        _("Toelichting"),
        rows=3,
        max_length=2000,
        help_text=_("Bijvoorbeeld: wat voor ruimte, hoeveel vrijwilligers, welke vergunning."),
    )


class BudgetLineForm(forms.Form):
    description = forms.CharField(label=_("Waarvoor?"), max_length=200, required=False)
    amount = EuroField(label=_("Bedrag in euro"), required=False)

    def clean(self):
        data = super().clean()
        description = (data.get("description") or "").strip()
        amount = data.get("amount")
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Vul het bedrag in, bijvoorbeeld 125 of 125,50."))
        elif amount is not None and not description:
            self.add_error("description", _("Schrijf waarvoor dit bedrag is."))
        elif amount == 0 and description:
            self.add_error("amount", _("Een bedrag van 0 euro hoeft niet op de begroting."))
        return data


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=0, max_num=20, absolute_max=40)


class FilesForm(forms.Form):
    photo = forms.FileField(
        label=_("Foto toevoegen"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES}),
        help_text=_("JPEG, PNG, WebP of HEIC, hoogstens 10 MB. Hoogstens 5 foto's."),
    )
    attachment = forms.FileField(
        label=_("PDF toevoegen"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=_("Bijvoorbeeld een plan of een offerte. Een PDF van hoogstens 10 MB."),
    )
    invite_email = email_field(
        label=_("Iemand uitnodigen om mee te doen met het plan"),
        help_text=_("Het e-mailadres van een buur die meedoet. Die kan daarna ook aanpassen."),
    )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return sanitise_image(upload) if upload else None

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        return {"data": check_pdf(upload), "name": upload.name}


class ConsentForm(forms.Form):
    publish_consent = forms.BooleanField(
        label=_("Mijn initiatief mag op de website, zodat buren het kunnen steunen en meedoen"),
        required=False,
        help_text=_(
            "Iedereen ziet dan de titel, wat u wilt doen, de wijk en de foto's. Nooit uw naam "
            "of e-mailadres. U kunt dit later weer uitzetten."
        ),
    )


class MessageForm(forms.Form):
    text = text_field(
        _("Uw bericht"),
        rows=4,
        max_length=4000,
        required_message=_("Schrijf eerst uw bericht in het vak."),
    )


class InviteForm(forms.Form):
    email = email_field(required=True, error_messages={"required": _("Vul het e-mailadres in.")})


class WithdrawForm(forms.Form):
    reason = text_field(
        _("Waarom stopt u? (uw contactpersoon bij de gemeente leest dit)"),
        rows=3,
        max_length=2000,
    )
    confirm = forms.BooleanField(
        label=_("Ja, ik trek mijn initiatief in"),
        error_messages={"required": _("Vink aan dat u echt wilt stoppen met het initiatief.")},
    )


class AccountabilityForm(forms.Form):
    what_happened = text_field(
        _("Wat is er gebeurd?"),
        rows=5,
        max_length=4000,
        required_message=_("Vertel kort wat er is gebeurd."),
    )
    participants = forms.IntegerField(
        label=_("Hoeveel mensen deden mee?"),
        min_value=0,
        max_value=100_000,
        error_messages={
            "required": _("Vul het aantal deelnemers in. Een schatting is goed."),
            "invalid": _("Vul een getal in."),
            "min_value": _("Het aantal kan niet negatief zijn."),
            "max_value": _("Dit aantal is te hoog. Kijk of er een cijfer te veel staat."),
        },
    )
    photo = forms.FileField(
        label=_("Foto van het resultaat"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES}),
        help_text=_("JPEG, PNG, WebP of HEIC, hoogstens 10 MB."),
    )

    def __init__(self, *args, budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.budget_lines = list(budget_lines)
        for line in self.budget_lines:
            self.fields[f"spent_{line.pk}"] = EuroField(
                label=_("Uitgegeven aan “%(line)s”") % {"line": line.description},
                required=True,
                error_messages={"required": _("Vul in wat u hieraan uitgaf; niets is 0.")},
            )

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return sanitise_image(upload) if upload else None

    def spent_fields(self):
        return [self[f"spent_{line.pk}"] for line in self.budget_lines]
