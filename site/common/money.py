"""Money is whole cents in an integer, everywhere: in the database, in services and in forms.
Residents type euros the Dutch way ("1.250,50", "€ 12,5", "40"); we never pass a float. Amounts
are shown the way the reader's language writes them (common.l10n). Every
module uses these helpers and `EuroField`; templates format with `{% load money %}`."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.l10n import format_money
from common.parsing import parse_digits

MAX_CENTS = 100_000_000_00  # a hundred million euros: anything above is a typing mistake
_ALLOWED = re.compile(r"^[0-9.,]+$")


class AmountError(ValueError):
    """A text that is not an amount in euros; the message is for the resident."""


def parse_euros(text: str) -> int:
    """'1.250,50' -> 125050. A comma is the decimal sign; dots group thousands. A dot with one or
    two digits after it (and no comma) is read as a decimal point too, since phones offer it."""
    value = (text or "").strip().replace("€", "").replace("EUR", "").replace(" ", "")
    value = value.replace("\u00a0", "")
    if not value:
        raise AmountError(_("Vul een bedrag in."))
    if value.startswith("-"):
        raise AmountError(_("Een bedrag kan niet negatief zijn."))
    if not _ALLOWED.match(value) or not re.search(r"[0-9]", value):
        raise AmountError(_("Vul een bedrag in euro's in, bijvoorbeeld 125 of 125,50."))
    if "," in value:
        whole, _sep, cents = value.rpartition(",")
        whole = whole.replace(".", "")
    elif re.search(r"\.[0-9]{1,2}$", value) and value.count(".") == 1:
        whole, _sep, cents = value.partition(".")
    else:
        whole, cents = value.replace(".", ""), ""
    if "," in whole or (cents and parse_digits(cents) is None) or len(cents) > 2:
        raise AmountError(_("Vul een bedrag in euro's in, met hoogstens twee cijfers na de komma."))
    try:
        amount = Decimal(whole or "0") + Decimal(f"0.{cents or '0'}")
    except InvalidOperation as error:
        raise AmountError(_("Vul een bedrag in euro's in, bijvoorbeeld 125 of 125,50.")) from error
    result = int(amount * 100)
    if result > MAX_CENTS:
        raise AmountError(_("Dit bedrag is te hoog. Kijk of er een cijfer te veel staat."))
    return result


def format_euros(cents: int | None) -> str:
    """125050 -> '€ 1.250,50' in Dutch, '€1,250.50' in English, '1 250,50 €' in Polish: in the
    active language, always two decimals (common.l10n)."""
    return format_money(cents)


def euros_for_input(cents: int | None) -> str:
    """125050 -> '1250,50': what a form field shows again."""
    if cents is None:
        return ""
    euros, rest = divmod(int(cents), 100)
    return f"{euros},{rest:02d}"


class EuroField(forms.Field):
    """Euros as typed by a resident ('12,50'), cleaned to whole cents (an int)."""

    widget = forms.TextInput

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("maxlength", "20")

    def prepare_value(self, value):
        return euros_for_input(value) if isinstance(value, int) else value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        if len(value) > 20:
            raise ValidationError(_("Dit bedrag is te lang. Kijk of er iets te veel staat."))
        try:
            return parse_euros(value)
        except AmountError as error:
            raise ValidationError(str(error), code="invalid_amount") from error
