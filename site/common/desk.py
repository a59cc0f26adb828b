"""What every desk form of the participatiewinkel shares, whichever module's input it enters
(a report, an initiative, a reaction, a sign-up) for a resident at the desk or on the phone:
the channel, the resident's consent, language and contact; one entry per filled-in form (a
reload does not enter it twice); and the printed receipt with the follow link and its QR code,
in the resident's language. The modules' desk views create the input through their own
services; the desk area that lists them is accounts/desk.py."""

import secrets

import segno
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .feedback.channel import DESK_CHANNELS
from .forms import email_field, phone_field

CONSENT_REQUIRED = _(
    "Vraag de inwoner om toestemming en vink het vakje aan. Zonder toestemming slaan wij niets op."
)
CONTACT_REQUIRED = _("Vul een e-mailadres of telefoonnummer van de inwoner in.")
ALREADY_ENTERED = _(
    "Dit formulier is al opgeslagen: %(reference)s. Begin een nieuw formulier voor een nieuwe "
    "invoer."
)
ENTRY_SECONDS = 24 * 60 * 60  # how long a filled-in form is remembered as entered


class DeskResidentForm(forms.Form):
    """The resident's part of a desk form. A module's form subclasses it and adds what it asks
    (category, description, ...); `contact_needed` says when the resident may stay anonymous."""

    channel = forms.ChoiceField(
        label=_("Hoe helpt u de inwoner?"),
        choices=DESK_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies: aan de balie of aan de telefoon.")},
    )
    language = forms.ChoiceField(
        label=_("Taal van de inwoner"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("De bon en alle e-mails aan de inwoner zijn in deze taal."),
    )
    email = email_field(
        label=_("E-mailadres van de inwoner"),
        help_text=_("Dan krijgt de inwoner de volglink en elk antwoord per e-mail."),
    )
    phone = phone_field(label=_("Telefoonnummer van de inwoner"))
    consent = forms.BooleanField(
        label=_(
            "De inwoner geeft toestemming dat wij deze gegevens opslaan en gebruiken om de "
            "inwoner antwoord te geven."
        ),
        error_messages={"required": CONSENT_REQUIRED},
    )
    entry_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("entry_token", secrets.token_urlsafe(16))

    def contact_needed(self, cleaned: dict) -> bool:
        return True

    def clean(self):
        cleaned = super().clean()
        if (
            self.contact_needed(cleaned)
            and not cleaned.get("email")
            and not cleaned.get("phone")
            and "email" not in self.errors
            and "phone" not in self.errors
        ):
            self.add_error(None, CONTACT_REQUIRED)
        return cleaned


def _entry_key(token: str) -> str:
    return f"desk-entry:{token}"


def claim_entry(token: str) -> str | None:
    """Mark the filled-in form `token` as being entered. None when it is new; otherwise the
    reference it was entered under ("" while that entry is still running)."""
    if not token:
        return None
    if cache.add(_entry_key(token), "", ENTRY_SECONDS):
        return None
    return cache.get(_entry_key(token), "")


def settle_entry(token: str, reference: str) -> None:
    if token:
        cache.set(_entry_key(token), reference, ENTRY_SECONDS)


def release_entry(token: str) -> None:
    """The service refused: the same form may be sent again once it is corrected."""
    if token:
        cache.delete(_entry_key(token))


def qr_svg(data: str, *, title: str) -> str:
    """A QR code of `data` as inline SVG (no style attribute, so the page's CSP allows it)."""
    svg = segno.make(data, error="m").svg_inline(scale=4, title=title, svgclass="zw-qr")
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 segno's own markup


def absolute_url(path: str) -> str:
    return settings.ZUIDWEST_BASE_URL.rstrip("/") + path


def render_receipt(request, template: str, *, language: str, context: dict):
    """The printable receipt, in the resident's language (`language`) whatever the desk
    employee's. `context` holds the follow link: shown here once, never stored."""
    with translation.override(language):
        follow_url = context.get("follow_url")
        extra = {
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        }
        if follow_url:
            extra["qr"] = qr_svg(follow_url, title=str(_("QR-code van de volglink")))
        response = render(request, template, {**context, **extra})
    response["Cache-Control"] = "no-store"  # the follow link is on it
    response["Content-Language"] = language
    return response


def enter_once(form, enter, refused: type[Exception]):
    """The desk's one way to enter a resident's input from a sent `form`: claim its token (a
    reload of a sent form enters nothing twice), call `enter(cleaned_data)`, which returns
    (what the entry is called, the receipt), and settle the token under that name. When the
    module's service refuses (`refused`), the token is released and the message put on the form.
    Returns the receipt, or None to show the form again with what was typed."""
    if not form.is_valid():
        return None
    token = form.cleaned_data["entry_token"]
    entered = claim_entry(token)
    if entered is not None:
        form.add_error(None, ALREADY_ENTERED % {"reference": entered or "…"})
        return None
    try:
        reference, response = enter(form.cleaned_data)
    except refused as error:
        release_entry(token)
        form.add_error(None, error)
        return None
    settle_entry(token, reference)
    return response
