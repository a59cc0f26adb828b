"""Forms of the report intake (four steps) and of the reporter's status page."""

import math

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.audio import RecordingField
from common.forms import email_field, honeypot_field, phone_field
from common.images import sanitise_image
from common.postcodes import normalise_postcode
from common.services import wijk_for_point, wijk_for_postcode

from .models import Category

MAX_PHOTOS = 3
WRITTEN_LENGTH = 2000  # what a resident writes in their own words, at the most


def text_area(label, *, rows: int = 4, required: str = "", max_length=None, help_text=""):
    """A text area, optional unless `required` says what to write when it is left empty (the
    text is stripped first, so only spaces count as empty)."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        required=bool(required),
        error_messages={"required": required} if required else None,
        help_text=help_text,
    )


def written(label, *, rows: int = 4, required: str = ""):
    """What a resident writes in their own words."""
    return text_area(label, rows=rows, required=required, max_length=WRITTEN_LENGTH)


class CategoryForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Wat wilt u melden?"),
        queryset=Category.objects.filter(is_active=True, parent__isnull=False),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat u wilt melden.")},
    )


class LocationForm(forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"), max_length=7, required=False, help_text=_("Bijvoorbeeld 2532 AB")
    )
    huisnummer = forms.CharField(label=_("Huisnummer (in de buurt)"), max_length=10, required=False)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and lon is not None:
            if not (math.isfinite(lat) and math.isfinite(lon)):
                raise ValidationError(_("Deze plek op de kaart klopt niet. Probeer het opnieuw."))
            wijk = wijk_for_point(lat=lat, lon=lon)
            if wijk is None:
                raise ValidationError(
                    _("Deze plek ligt niet in Den Haag Zuidwest. Kies een plek in de wijk.")
                )
            data["wijk"] = wijk
            return data
        postcode = data.get("postcode", "").strip()
        if not postcode:
            self.add_error("postcode", _("Vul een postcode in, of kies een plek op de kaart."))
            return data
        try:
            data["postcode"] = normalise_postcode(postcode)
        except ValueError:
            self.add_error(
                "postcode", _("Dit is geen postcode. Een postcode is 4 cijfers en 2 letters.")
            )
            return data
        if len(data["postcode"]) != 6:
            self.add_error("postcode", _("Vul ook de 2 letters van de postcode in."))
            return data
        wijk = wijk_for_postcode(data["postcode"])
        if wijk is None:
            self.add_error(
                "postcode",
                _("Deze postcode ligt niet in Den Haag Zuidwest. Bel dan 14 070."),
            )
            return data
        if not data.get("huisnummer", "").strip():
            self.add_error("huisnummer", _("Vul een huisnummer in de buurt in."))
        data["wijk"] = wijk
        return data


class PhotoForm(forms.Form):
    photo_1 = forms.FileField(label=_("Foto 1"), required=False)
    photo_2 = forms.FileField(label=_("Foto 2"), required=False)
    photo_3 = forms.FileField(label=_("Foto 3"), required=False)

    def __init__(self, *args, room: int = MAX_PHOTOS, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(MAX_PHOTOS, room, -1):
            del self.fields[f"photo_{index}"]
        for field in self.fields.values():
            field.widget.attrs["accept"] = "image/jpeg,image/png,image/webp,image/heic,image/heif"

    def clean(self):
        data = super().clean()
        sanitised = []
        for name in list(self.fields):
            upload = data.get(name)
            if not upload:
                continue
            try:
                sanitised.append(sanitise_image(upload))
            except ValidationError as error:
                self.add_error(name, error)
        data["sanitised"] = sanitised
        return data


class DetailsForm(forms.Form):
    """What is going on, typed or spoken (or both). With a recording the typed text may stay
    empty: the report then has the recording. `kept` is a recording sent with an earlier try
    of this step (kept as a draft), `sensitive` says the report may be anonymous."""

    description = text_area(
        _("Wat is er aan de hand?"),
        max_length=WRITTEN_LENGTH,
        help_text=_("Typ het hier, of spreek het hieronder in."),
    )
    recording = RecordingField()
    remove_recording = forms.BooleanField(label=_("Mijn opname weghalen"), required=False)
    email = email_field(
        label=_("Uw e-mailadres"),
        help_text=_("Dan sturen wij u bericht. U kunt ook zonder e-mail melden."),
    )
    phone = phone_field(label=_("Uw telefoonnummer"))
    keep_informed = forms.BooleanField(
        label=_("Houd mij op de hoogte per e-mail"), required=False, initial=True
    )
    website = honeypot_field()

    def __init__(self, *args, kept=None, sensitive: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept
        if kept is None:
            del self.fields["remove_recording"]
        else:
            self.fields["recording"].label = _("Een nieuwe opname (niet verplicht)")
            self.fields["recording"].help_text = _(
                "Wij hebben uw opname van %(length)s minuten bewaard. U hoeft hem niet opnieuw "
                "te maken."
            ) % {"length": kept.length}
        if sensitive:
            self.fields["recording"].help_text = _(
                "Let op: aan uw stem kan iemand horen wie u bent. Wilt u anoniem blijven? Typ "
                "dan uw bericht en maak geen opname."
            )

    def clean(self):
        data = super().clean()
        has_recording = bool(data.get("recording")) or (
            self.kept is not None and not data.get("remove_recording")
        )
        if "description" in data and not data["description"].strip() and not has_recording:
            self.add_error(
                "description", _("Beschrijf kort wat er aan de hand is, of spreek het in.")
            )
        return data


class SendLinkForm(forms.Form):
    email = email_field(
        label=_("Uw e-mailadres"),
        required=True,
        help_text=_("Wij sturen de link één keer. Wij bewaren uw adres niet bij de melding."),
        error_messages={"required": _("Vul uw e-mailadres in. Dan sturen wij de link.")},
    )


class ReplyForm(forms.Form):
    text = written(_("Uw antwoord"), required=_("Schrijf uw antwoord in het vak."))


class FeedbackForm(forms.Form):
    REASONS = [
        ("niet_opgelost", _("Het probleem is er nog")),
        ("half", _("Het is maar half opgelost")),
        ("anders", _("Iets anders")),
    ]
    satisfied = forms.TypedChoiceField(
        label=_("Is het opgelost?"),
        choices=[("ja", _("Ja, het is opgelost")), ("nee", _("Nee, het is niet opgelost"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    reason = forms.ChoiceField(
        label=_("Wat is er niet goed?"), choices=[("", "—"), *REASONS], required=False
    )
    text = written(_("Uitleg"), rows=3)
    photo = forms.FileField(label=_("Foto (mag ook zonder)"), required=False)

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return sanitise_image(upload) if upload else None


class SupportForm(forms.Form):
    email = email_field(
        label=_("Uw e-mailadres"),
        help_text=_("Dan krijgt u bericht als er nieuws is over deze melding."),
    )
