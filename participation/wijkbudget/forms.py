"""Forms of the public pages and the back office. Money is typed in euros the Dutch way and kept
in cents (common.money)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from common.images import sanitise_image
from common.money import EuroField
from common.parsing import parse_digits


class PhotoField(forms.FileField):
    """Cleaned by common.images: the stored photo is re-encoded pixels only."""

    widget = forms.FileInput(attrs={"accept": "image/*"})

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return sanitise_image(data)

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Naam van uw plan"), max_length=120)
    description = forms.CharField(
        label=_("Wat wilt u doen, en waarom is het goed voor de wijk?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    estimated_cost = EuroField(
        label=_("Wat kost het ongeveer? (in euro)"),
        help_text=_("Een schatting is genoeg, bijvoorbeeld 2500. De gemeente rekent het na."),
    )
    place = forms.CharField(
        label=_("Waar? (straat, plein of park)"), max_length=160, required=False
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)
    photo = PhotoField(label=_("Foto (mag, hoeft niet)"), required=False)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Uw stemcode"),
        max_length=40,
        help_text=_("Deze code staat in de brief die u kreeg, bijvoorbeeld ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class AccountVoterForm(forms.Form):
    postcode = forms.CharField(label=_("Uw postcode"), max_length=7)
    age = forms.BooleanField(label="")  # the label says the round's minimum age

    def __init__(self, *args, min_age: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age"].label = _("Ik ben %(age)s jaar of ouder.") % {"age": min_age}
        self.fields["age"].error_messages["required"] = _(
            "U kunt alleen stemmen als u %(age)s jaar of ouder bent."
        ) % {"age": min_age}


class FeasibleForm(forms.Form):
    final_cost = EuroField(label=_("Kosten volgens de gemeente (euro)"))
    note = forms.CharField(
        label=_("Toelichting voor de indiener (mag leeg)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InfeasibleForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom kan het niet? (de indiener krijgt deze uitleg)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def letter_language_choices() -> list[tuple[str, str]]:
    """Dutch with one other site language ('nl-tr': 'Nederlands en Turks'), or Dutch alone."""
    choices = [
        (
            f"nl-{code}",
            gettext("Nederlands en %(language)s")
            % {"language": get_language_info(code)["name_translated"]},
        )
        for code, _name in settings.LANGUAGES
        if code != "nl"
    ]
    return [*choices, ("nl", gettext("Alleen Nederlands"))]


class CodesForm(forms.Form):
    count = forms.IntegerField(label=_("Aantal brieven"), min_value=1, max_value=20_000)
    language = forms.ChoiceField(label=_("Taal van de brieven"), choices=letter_language_choices)

    def clean_language(self) -> tuple[str, ...]:
        """The languages of each letter, Dutch first: ('nl',) or ('nl', 'tr')."""
        return tuple(self.cleaned_data["language"].split("-"))


class PaperForm(forms.Form):
    sheet = forms.CharField(label=_("Nummer op het stembiljet"), max_length=20)


class RealisationForm(forms.Form):
    proposal = forms.TypedChoiceField(label=_("Plan"), coerce=int)
    text = forms.CharField(label=_("Wat is er gebeurd?"), widget=forms.Textarea(attrs={"rows": 3}))
    photo = PhotoField(label=_("Foto (mag, hoeft niet)"), required=False)

    def __init__(self, *args, proposals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].choices = [(p.pk, p.title) for p in proposals]


def selection_from(data, proposal_ids, cumulative: bool) -> tuple[dict[int, int], list[str]]:
    """Read the ballot's fields: `kies` checkboxes, or `punten-<id>` numbers. Returns the
    selection and errors for fields that are not numbers."""
    selection: dict[int, int] = {}
    errors: list[str] = []
    ids = set(proposal_ids)
    if cumulative:
        for pid in proposal_ids:
            raw = (data.get(f"punten-{pid}") or "").strip()
            if not raw:
                continue
            points = parse_digits(raw)
            if points is None:
                errors.append(str(_("Vul bij punten een heel getal in, zoals 0, 1 of 2.")))
                continue
            if points:
                selection[pid] = points
    else:
        for raw in data.getlist("kies"):
            pid = parse_digits(raw)
            if pid in ids:
                selection[pid] = 1
            else:
                errors.append(
                    str(_("Een van de gekozen plannen staat niet op de lijst met plannen."))
                )
    return selection, errors


class ConfirmForm(forms.Form):
    """The checkbox of a staff action that cannot be undone: nothing happens without it."""

    sure = forms.BooleanField(
        label=_("Ik weet het zeker. Ik begrijp dat dit niet ongedaan kan worden gemaakt."),
        error_messages={
            "required": _("Vink het vakje aan als u het zeker weet. Er is nog niets gebeurd.")
        },
    )
