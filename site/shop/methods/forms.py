"""The advice questionnaire and the request for personal advice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import email_field

from .advice import Answers
from .vocabulary import (
    INFLUENCE_EXPLAINED,
    Access,
    Audience,
    ChannelWish,
    Cost,
    Duration,
    Goal,
    Influence,
    Reach,
)

QUESTION_NAMES = ("doel", "wie", "invloed", "tijd", "budget", "aantal", "vorm", "taal")


def _influence_choices():
    return [(value, f"{label}: {INFLUENCE_EXPLAINED[value]}") for value, label in Influence.choices]


def _one_of(label, choices, **options) -> forms.ChoiceField:
    """A question answered with one choice from a list of radio buttons."""
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **options)


def _some_of(label, choices, help_text) -> forms.MultipleChoiceField:
    """A question answered with none, one or more checkboxes."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=help_text,
    )


class AdviceForm(forms.Form):
    """Read from the query string, so the address of the result is the link to share."""

    doel = _one_of(_("Wat wilt u bereiken?"), Goal.choices)
    wie = _some_of(_("Wie wilt u bereiken?"), Audience.choices, _("Kies er een of meer."))
    invloed = _one_of(
        _("Hoeveel invloed krijgen de deelnemers echt?"),
        _influence_choices,
        help_text=_("Wees eerlijk: beloof niet meer dan u waar kunt maken."),
    )
    tijd = _one_of(_("Hoeveel tijd heeft u?"), Duration.choices)
    budget = _one_of(
        _("Hoeveel geld heeft u?"),
        Cost.choices,
        help_text=_("Voor zaal, eten, drukwerk en tolken. Niet uw eigen uren."),
    )
    aantal = _one_of(_("Hoeveel mensen wilt u bereiken?"), Reach.choices)
    vorm = _one_of(
        _("Op locatie of online?"), ChannelWish.choices, initial=ChannelWish.BEIDE, required=False
    )
    taal = _some_of(
        _("Taal en lezen"),
        Access.choices,
        _("Kruis aan wat geldt voor een deel van de mensen die u wilt bereiken."),
    )

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            goal=data["doel"],
            influence=data["invloed"],
            time=data["tijd"],
            budget=data["budget"],
            reach=data["aantal"],
            channel=data["vorm"] or ChannelWish.BEIDE,
            audiences=frozenset(data["wie"]),
            low_literacy=Access.LAAGGELETTERD in data["taal"],
            other_languages=Access.ANDERSTALIG in data["taal"],
        )

    def summary(self) -> list[tuple[str, str]]:
        """(question, answer) pairs in plain words, for the result page and the staff."""
        rows = []
        for name in QUESTION_NAMES:
            field = self.fields[name]
            value = self.cleaned_data.get(name) or field.initial
            values = value if isinstance(value, list) else [value] if value else []
            labels = dict(field.choices)
            text = ", ".join(str(labels[v]) for v in values) or str(_("Geen keuze"))
            rows.append((str(field.label), text))
        return rows


class AdviceRequestForm(forms.Form):
    name = forms.CharField(
        label=_("Uw naam"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = email_field(
        label=_("Uw e-mailadres"),
        help_text=_("Hierop sturen wij ons antwoord."),
        required=True,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Vertel kort wat u wilt doen, met wie en wanneer. Hooguit 2000 tekens."),
    )
