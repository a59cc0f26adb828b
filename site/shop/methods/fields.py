"""A list of values from a fixed vocabulary, stored as JSON and edited as checkboxes.

A method serves several audiences and fits several rungs of the ladder. A many-to-many relation to
snippets would let editors invent values that the filters and the scoring cannot understand, and
PostgreSQL's ArrayField does not run on the embedded SQLite; a JSON list with checkboxes does
both."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, choices_class: type[models.TextChoices] | None = None, **kwargs):
        self.choices_class = choices_class
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_class"] = self.choices_class
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = set(self.choices_class.values)
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Onbekende waarde: %(values)s"), params={"values": ", ".join(map(str, unknown))}
            )

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_class.choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def sorted(self, values) -> list[str]:
        """The values in vocabulary order, so pages and filters list them the same way."""
        order = self.choices_class.values
        return sorted((v for v in values if v in order), key=order.index)
