"""The filter form of the public list and map: a plain GET form, so it works without JavaScript
and every filtered view has its own address to share."""

from django import forms
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.forms import wijk_filter_field
from meldingen.models import Category
from meldingen.workflow import CLOSED, OPEN

STATE_OPEN = "open"
STATE_CLOSED = "afgerond"


def public_categories():
    """Categories whose reports may be shown; sensitive ones are never even named here."""
    return Category.objects.filter(is_public=True, is_sensitive=False).select_related("parent")


def category_label(category: Category, language: str | None = None) -> str:
    """'Afval › Grofvuil op straat' in the visitor's language (the main category alone for a
    main category)."""
    language = language or get_language() or "nl"
    if category.parent_id:
        return f"{category.parent.label(language)} › {category.label(language)}"
    return category.label(language)


class FilterForm(forms.Form):
    wijk = wijk_filter_field()
    categorie = forms.ChoiceField(label=_("Soort melding"), required=False)
    stand = forms.ChoiceField(
        label=_("Stand"),
        required=False,
        choices=[
            ("", _("Open en afgerond")),
            (STATE_OPEN, _("Nog open")),
            (STATE_CLOSED, _("Afgerond")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = list(public_categories())
        language = get_language() or "nl"
        mains = [c for c in self.categories if not c.parent_id]
        choices: list = [("", _("Alle soorten"))]
        for main in mains:
            subs = [c for c in self.categories if c.parent_id == main.pk]
            group = [(main.slug, _("Alles over: %(name)s") % {"name": main.label(language)})]
            group += [(sub.slug, sub.label(language)) for sub in subs]
            choices.append((main.label(language), group))
        self.fields["categorie"].choices = choices

    def filter(self, meldingen):
        """Apply the valid filters; an unknown value is reported on the form and ignored."""
        if not self.is_bound:
            return meldingen
        self.is_valid()
        data = self.cleaned_data
        if data.get("wijk"):
            meldingen = meldingen.in_wijk(data["wijk"])
        if data.get("categorie"):
            category = next(c for c in self.categories if c.slug == data["categorie"])
            meldingen = meldingen.filter(Q(category=category) | Q(category__parent=category))
        if data.get("stand") == STATE_OPEN:
            meldingen = meldingen.filter(status__in=OPEN)
        elif data.get("stand") == STATE_CLOSED:
            meldingen = meldingen.filter(status__in=CLOSED)
        return meldingen

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
