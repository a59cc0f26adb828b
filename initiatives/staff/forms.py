"""Forms of the brokers' workspace. They parse; the services decide (and refuse in Dutch)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import wijk_filter_field
from common.models import Afdeling, Wijk
from common.money import EuroField

from ..forms.fields import text_field
from ..models import AdviceTemplate, DeclineReason
from ..services import brokers_for_handoff

MESSAGE_HELP = _(
    "De initiatiefnemer leest dit op de eigen pagina en in de e-mail. Schrijf eenvoudig (B1)."
)


def _message_field(label=None):
    return text_field(
        label or _("Bericht aan de initiatiefnemer"),
        rows=5,
        max_length=4000,
        help_text=MESSAGE_HELP,
        required_message=_("Schrijf een bericht aan de initiatiefnemer."),
    )


class QueueFilterForm(forms.Form):
    QUEUES = [
        ("nieuw", _("Nog niet opgepakt")),
        ("mijn", _("Mijn initiatieven")),
        ("wacht", _("Wacht op de initiatiefnemer")),
        ("te-laat", _("Te laat")),
        ("alle", _("Alle open initiatieven")),
        ("gesloten", _("Gesloten")),
    ]
    wachtrij = forms.ChoiceField(label=_("Lijst"), choices=QUEUES, required=False)
    wijk = wijk_filter_field()
    q = forms.CharField(label=_("Zoeken op kenmerk of titel"), required=False, max_length=100)


class TakeForm(forms.Form):
    public_message = _message_field(_("Eerste bericht aan de initiatiefnemer"))

    prefix = "oppakken"


class BrokerMessageForm(forms.Form):
    text = text_field(
        _("Bericht"),
        rows=6,
        max_length=4000,
        help_text=MESSAGE_HELP,
        required_message=_("Schrijf eerst uw bericht in het vak."),
    )

    prefix = "bericht"


class NoteForm(forms.Form):
    text = text_field(
        _("Nieuwe interne notitie"),
        rows=3,
        help_text=_("Alleen collega's lezen dit; de initiatiefnemer nooit."),
        required_message=_("Een notitie kan niet leeg zijn."),
    )

    prefix = "notitie"


class HandoffForm(forms.Form):
    to_broker = forms.ModelChoiceField(
        label=_("Overdragen aan makelaar"), queryset=None, required=False
    )
    to_afdeling = forms.ModelChoiceField(
        label=_("Of: een afdeling erbij halen"),
        queryset=Afdeling.objects.all(),
        required=False,
    )
    note = text_field(_("Toelichting voor de collega (intern)"), rows=3)

    prefix = "overdragen"

    def __init__(self, *args, initiative=None, **kwargs):
        super().__init__(*args, **kwargs)
        brokers = brokers_for_handoff()
        if initiative is not None and initiative.broker_id:
            brokers = brokers.exclude(pk=initiative.broker_id)
        self.fields["to_broker"].queryset = brokers

    def clean(self):
        data = super().clean()
        if not data.get("to_broker") and not data.get("to_afdeling"):
            raise forms.ValidationError(_("Kies een makelaar of een afdeling."))
        return data


class GrantForm(forms.Form):
    amount = EuroField(
        label=_("Bedrag in euro"),
        help_text=_(
            "Bijvoorbeeld 450 of 450,50. Een deel van de aanvraag mag; 0 bij hulp zonder geld."
        ),
        error_messages={"required": _("Vul het bedrag in (0 bij hulp zonder geld).")},
    )
    conditions = text_field(
        _("Voorwaarden"),
        rows=4,
        help_text=_("Bijvoorbeeld: bonnetjes bewaren, foto's maken, binnen een jaar uitvoeren."),
    )
    public_message = _message_field()

    prefix = "toekennen"


class ReferForm(forms.Form):
    organisation = forms.CharField(
        label=_("Naar welke organisatie of welk fonds?"),
        max_length=200,
        error_messages={"required": _("Vul de naam van de organisatie of het fonds in.")},
    )
    url = forms.URLField(
        label=_("Link naar hun website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Deze link klopt niet. Begin met https://")},
    )
    public_message = _message_field()

    prefix = "doorverwijzen"


class DeclineForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label=_("Redenen"),
        choices=DeclineReason.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één reden.")},
    )
    public_message = _message_field(_("Uitleg aan de initiatiefnemer"))

    prefix = "afwijzen"


class StatusMessageForm(forms.Form):
    """Starting and completing need nothing but the message."""

    public_message = _message_field()


class AdviceChoiceForm(forms.Form):
    """Which advice text to put in the message box (a GET link, so no JavaScript is needed)."""

    advies = forms.ModelChoiceField(queryset=AdviceTemplate.objects.filter(is_active=True))


class FundFilterForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), required=False, min_value=2000, max_value=2100)

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("jaar"):
            return self.cleaned_data["jaar"]
        return timezone.localtime().year


class ConsultationHourForm(forms.Form):
    place = forms.CharField(
        label=_("Plek"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Buurthuis De Henneb"),
        error_messages={"required": _("Vul in waar het spreekuur is.")},
    )
    address = forms.CharField(label=_("Adres"), max_length=200, required=False)
    wijk = forms.ModelChoiceField(label=_("Wijk"), queryset=Wijk.objects.ordered(), required=False)
    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Kies een datum."), "invalid": _("Deze datum klopt niet.")},
    )
    start = forms.TimeField(
        label=_("Begint om"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Vul de begintijd in."), "invalid": _("Gebruik uu:mm.")},
    )
    end = forms.TimeField(
        label=_("Eindigt om"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Vul de eindtijd in."), "invalid": _("Gebruik uu:mm.")},
    )
    slot_minutes = forms.IntegerField(
        label=_("Minuten per afspraak"), initial=20, min_value=5, max_value=240
    )
    note = text_field(_("Toelichting voor bewoners"), rows=2)

    prefix = "spreekuur"

    def service_kwargs(self) -> dict:
        import datetime as dt

        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        kwargs = {
            "place": data["place"],
            "address": data["address"],
            "starts_at": dt.datetime.combine(data["date"], data["start"], tzinfo=tz),
            "ends_at": dt.datetime.combine(data["date"], data["end"], tzinfo=tz),
            "note": data["note"],
        }
        # A change keeps the wijk and the length of an appointment (the form leaves them out).
        kwargs.update(
            {name: data[name] for name in ("wijk", "slot_minutes") if name in self.fields}
        )
        return kwargs


class ConsultationHourChangeForm(ConsultationHourForm):
    """Where and when; the length of an appointment stays, so the booked slots keep their
    times."""

    wijk = None
    slot_minutes = None

    @classmethod
    def for_hour(cls, hour, data=None):
        local_start = timezone.localtime(hour.starts_at)
        initial = {
            "place": hour.place,
            "address": hour.address,
            "date": local_start.date(),
            "start": local_start.time(),
            "end": timezone.localtime(hour.ends_at).time(),
            "note": hour.note,
        }
        return cls(data, initial=initial)
