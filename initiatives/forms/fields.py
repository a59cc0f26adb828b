"""A form field for money: euros as residents type them, cleaned to whole cents."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..money import AmountError, euros_for_input, parse_euros

IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif"


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
