"""Forms of the back office. They only parse what the handler typed; whether a move is allowed,
and what it needs, is decided by the services (and their workflow table)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.images import sanitise_image
from common.models import Afdeling

from .. import workflow
from ..forms import text_area
from ..models import Category, Priority, RoutingRule
from ..rules import colleagues_for, visible_meldingen
from ..workflow import Actor, Status

# Outside parties a report is most often handed to; free text stays possible.
EXTERNAL_PARTIES = [
    "Politie",
    "Haag Wonen",
    "Staedion",
    "Vestia",
    "Omgevingsdienst Haaglanden",
]


class StatusForm(forms.Form):
    expected_status = forms.CharField(widget=forms.HiddenInput)
    to = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    public_message = text_area(
        _("Bericht aan de melder"),
        rows=5,
        help_text=_(
            "De melder leest dit bij de melding en in de e-mail. Bij “niet in behandeling”: "
            "de reden. Schrijf eenvoudig en zonder namen van collega’s."
        ),
    )
    external_party = forms.CharField(
        label=_("Doorgezet naar"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"list": "externe-partijen", "autocomplete": "off"}),
        help_text=_("Alleen bij “doorgezet”: de organisatie die het overneemt."),
    )
    merge_into = forms.CharField(
        label=_("Samenvoegen met (kenmerk)"),
        required=False,
        max_length=20,
        help_text=_("Alleen bij “samengevoegd”: het kenmerk van de melding die blijft."),
    )
    after_photo = forms.FileField(
        label=_("Foto na afloop"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("Alleen bij “afgehandeld”. JPEG, PNG, WebP of HEIC, hoogstens 10 MB."),
    )
    internal_note = text_area(_("Interne notitie (alleen intern)"), rows=3)

    prefix = "status"

    def __init__(self, *args, melding, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.melding = melding
        self.user = user
        # Any status parses, so the service can answer an impossible or stale move with its own
        # message; the select only offers the moves the workflow table allows from here.
        order = list(Status)
        self.targets = sorted(
            workflow.allowed_targets(Status(melding.status), Actor.HANDLER), key=order.index
        )
        self.fields["to"].widget.choices = [(t.value, t.label) for t in self.targets]

    def clean_merge_into(self):
        reference = self.cleaned_data["merge_into"].strip().upper()
        if not reference:
            return None
        target = (
            visible_meldingen(self.user)
            .exclude(pk=self.melding.pk)
            .filter(reference=reference)
            .first()
        )
        if target is None:
            raise forms.ValidationError(_("Er is geen andere melding met dit kenmerk gevonden."))
        if target.is_sensitive != self.melding.is_sensitive:
            # The followers move along: a sensitive reporter must never end up on a public one.
            raise forms.ValidationError(
                _("Een gevoelige en een gewone melding kunnen niet samengevoegd worden.")
            )
        return target

    def clean_after_photo(self):
        upload = self.cleaned_data.get("after_photo")
        return sanitise_image(upload) if upload else None

    def service_kwargs(self) -> dict:
        """What `melding_change_status` needs; fields that belong to another move are left out,
        so a party typed and then not used is not stored."""
        data = self.cleaned_data
        to = Status(data["to"])
        return {
            "to": to,
            "expected_status": data["expected_status"],
            "public_message": data["public_message"],
            "internal_note": data["internal_note"],
            "external_party": data["external_party"] if to in workflow.NEEDS_PARTY else "",
            "merge_into": data["merge_into"] if to in workflow.NEEDS_TARGET else None,
            "after_photo": data["after_photo"],
        }


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Toewijzen aan"),
        queryset=None,
        required=False,
        empty_label=_("Niemand (terug naar de afdeling)"),
    )

    prefix = "assign"

    def __init__(self, *args, melding, **kwargs):
        kwargs.setdefault("initial", {"assignee": melding.assigned_to_id})
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = colleagues_for(melding)


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(
        label=_("Prioriteit"),
        choices=Priority.choices,
        widget=forms.RadioSelect,
        help_text=_("Alleen voor collega’s: de melder en de website zien dit niet."),
        error_messages={
            "required": _("Kies een prioriteit: normaal of hoog."),
            "invalid_choice": _("Kies een prioriteit: normaal of hoog."),
        },
    )

    prefix = "priority"

    def __init__(self, *args, melding, **kwargs):
        kwargs.setdefault("initial", {"priority": melding.priority})
        super().__init__(*args, **kwargs)


class NoteForm(forms.Form):
    text = text_area(
        _("Nieuwe interne notitie"),
        rows=3,
        help_text=_("Alleen collega’s lezen dit; de melder nooit."),
    )

    prefix = "note"


class PublicDescriptionForm(forms.Form):
    text = text_area(
        _("Openbare omschrijving"),
        rows=3,
        help_text=_(
            "Wat iedereen op de openbare kaart leest. Zonder namen, telefoonnummers of andere "
            "gegevens waaraan iemand te herkennen is. Leeg: geen tekst op de kaart."
        ),
    )

    prefix = "public"

    def __init__(self, *args, melding, **kwargs):
        kwargs.setdefault("initial", {"text": melding.public_description})
        super().__init__(*args, **kwargs)


class RouteChoiceField(forms.ModelChoiceField):
    """A category, named with the department the routing rules give it in this wijk, so the
    handler sees where the report goes before sending it there (no JavaScript needed)."""

    routed: dict = {}

    def label_from_instance(self, obj):
        afdeling = self.routed.get(obj.pk)
        return f"{obj} → {afdeling}" if afdeling else str(obj)


class RerouteForm(forms.Form):
    category = RouteChoiceField(
        label=_("Categorie"),
        queryset=None,
        error_messages={"invalid_choice": _("Kies een categorie uit de lijst.")},
        help_text=_("Achter de categorie staat de afdeling die er volgens de routering over gaat."),
    )
    afdeling = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=Afdeling.objects.order_by("name"),
        required=False,
        empty_label=_("Volgens de routering van de categorie"),
        error_messages={"invalid_choice": _("Kies een afdeling uit de lijst.")},
        help_text=_("Alleen kiezen als een andere afdeling het moet oppakken."),
    )
    internal_note = text_area(_("Waarom (alleen intern)"), rows=2)

    prefix = "reroute"

    def __init__(self, *args, melding, **kwargs):
        kwargs.setdefault("initial", {"category": melding.category_id})
        super().__init__(*args, **kwargs)
        categories = (
            Category.objects.filter(
                is_active=True, parent__isnull=False, is_sensitive=melding.is_sensitive
            )
            | Category.objects.filter(pk=melding.category_id)
        ).select_related("parent", "default_afdeling")
        field = self.fields["category"]
        field.queryset = categories.distinct()
        field.routed = routed_afdelingen(categories, melding.wijk_id)


def routed_afdelingen(categories, wijk_id) -> dict:
    """{category pk: afdeling} by the rules of `services.route`, in two queries for all of them:
    a rule for the wijk, else one for every wijk, else the category's default."""
    rules = RoutingRule.objects.filter(category__in=categories).select_related("afdeling")
    by_category: dict = {}
    for rule in rules:
        if rule.wijk_id is None or rule.wijk_id == wijk_id:
            specific = rule.wijk_id is not None
            if specific or rule.category_id not in by_category:
                by_category[rule.category_id] = rule.afdeling
    return {
        category.pk: by_category.get(category.pk) or category.default_afdeling
        for category in categories
    }


def bulk_targets() -> list[Status]:
    """Statuses a handler can give several reports at once: every handler move except those
    that need something per report (an outside party, a report to merge with)."""
    targets = set(workflow.MESSAGE_REQUIRED) - workflow.NEEDS_PARTY - workflow.NEEDS_TARGET
    return [status for status in Status if status in targets]


class BulkStatusForm(forms.Form):
    meldingen = forms.MultipleChoiceField(
        label=_("Gekozen meldingen"),
        choices=(),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Kies eerst een of meer meldingen in de lijst.")},
    )
    to = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=(),
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    public_message = text_area(
        _("Bericht aan de melders"),
        rows=4,
        required=_("Schrijf een bericht aan de melders: wat is er gebeurd, en waarom?"),
        help_text=_("Iedere melder leest dit bij de eigen melding en in de e-mail."),
    )

    prefix = "bulk"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s.value, s.label) for s in bulk_targets()]
        # Any reference parses; which ones this user may change is the view's question.
        chosen = self.data.getlist(self.add_prefix("meldingen")) if self.is_bound else []
        self.fields["meldingen"].choices = [(ref, ref) for ref in chosen]
