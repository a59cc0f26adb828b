"""Form fields that several public forms share: a name, an email address and a phone number for
people without an account (with the same plain-Dutch errors everywhere), a honeypot for bots,
and the rule that someone must be reachable by email or phone."""

import logging

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

PHONE_PATTERN = r"^\+?[0-9 ()-]{8,20}$"


def name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Uw naam"), max_length=80, error_messages={"required": _("Vul uw naam in.")}
    )


# The longest address a mailbox can have (RFC 5321) and what every EmailField column holds.
EMAIL_MAX_LENGTH = 254
EMAIL_ERRORS = {
    "invalid": _("Dit e-mailadres klopt niet. Kijk of er een @ in staat."),
    "max_length": _(
        "Dit e-mailadres is te lang: het mag hoogstens %(limit_value)d tekens hebben. Kijk of "
        "u het goed heeft getypt."
    ),
}


def limit_email_field(field: forms.EmailField) -> forms.EmailField:
    """Make an email field accept no more than the database holds (Django's own limit is 320),
    with our messages. Also for fields of forms we do not write ourselves (allauth)."""
    field.max_length = EMAIL_MAX_LENGTH
    field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
    field.validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))
    field.widget.attrs["maxlength"] = str(EMAIL_MAX_LENGTH)
    field.error_messages = {**field.error_messages, **EMAIL_ERRORS}
    return field


def email_field(label=None, help_text="", *, required=False, error_messages=None, widget=None):
    """The one email field of every form: at most 254 characters, plain-Dutch errors."""
    field = forms.EmailField(
        label=label or _("E-mailadres"),
        required=required,
        help_text=help_text,
        widget=widget,
    )
    limit_email_field(field)
    field.error_messages.update(error_messages or {})
    return field


def phone_field(label=None, help_text="") -> forms.RegexField:
    return forms.RegexField(
        label=label or _("Telefoonnummer"),
        required=False,
        regex=PHONE_PATTERN,
        help_text=help_text,
        error_messages={"invalid": _("Dit telefoonnummer klopt niet. Gebruik alleen cijfers.")},
    )


def wijk_filter_field() -> forms.ModelChoiceField:
    """The wijk of a list's GET filter: the slug in the link (?wijk=moerwijk), empty for all."""
    from .models import Wijk

    return forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=Wijk.objects.ordered(),
        required=False,
        empty_label=_("Alle wijken"),
        to_field_name="slug",
    )


def honeypot_field() -> forms.CharField:
    """A field people never meet; simple bots fill in every field. Render it with
    includes/forms/honeypot.html: off-screen (not display:none, which bots skip), hidden from
    screen readers, out of the tab order and never filled in by the browser. A form with it
    answers a bot through `caught_by_honeypot`."""
    return forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def caught_by_honeypot(form: forms.Form, *, where: str, field: str = "website") -> bool:
    """True when a bot filled the honeypot of a valid `form`. The view then answers exactly as
    on success but stores and sends nothing. Logged without the content or the client's
    address: the count is what staff need, not personal data."""
    if not form.cleaned_data.get(field):
        return False
    logger.warning("Honeypot filled in on the %s form; nothing stored or sent.", where)
    return True


class ReachableForm(forms.Form):
    """Refuses a form without an email address or a phone number, saying who needs to reach
    the person (`reach_message`)."""

    reach_message = _("Vul een e-mailadres of telefoonnummer in.")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("email") or cleaned.get("phone")):
            raise forms.ValidationError(self.reach_message)
        return cleaned
