"""The queue's filters: a plain GET form, so a filtered queue is a link a colleague can open."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.models import Wijk

from ..models import Category, Melding, Priority
from ..workflow import Status


def _categories(request):
    categories = Category.objects.select_related("parent")
    if not request.user.has_perm("meldingen.view_sensitive_meldingen"):
        categories = categories.filter(is_sensitive=False)
    return categories


class QueueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("kenmerk, tekst, adres")}),
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Status.choices, widget=forms.CheckboxSelectMultiple
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Categorie"), queryset=_categories, empty_label=_("Alle categorieën")
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"), queryset=Wijk.objects.ordered(), empty_label=_("Alle wijken")
    )
    overdue = django_filters.BooleanFilter(
        label=_("Alleen te laat"), method="only_overdue", widget=forms.CheckboxInput
    )
    high = django_filters.BooleanFilter(
        label=_("Alleen hoge prioriteit"), method="only_high", widget=forms.CheckboxInput
    )
    unassigned = django_filters.BooleanFilter(
        label=_("Nog niet toegewezen"), method="only_unassigned", widget=forms.CheckboxInput
    )
    mine = django_filters.BooleanFilter(
        label=_("Aan mij toegewezen"), method="only_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = Melding
        fields = ["q", "status", "category", "wijk", "overdue", "high", "unassigned", "mine"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(reference__icontains=value)
            | Q(description__icontains=value)
            | Q(address__icontains=value)
            | Q(postcode__icontains=value.replace(" ", ""))
        )

    def only_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset

    def only_high(self, queryset, name, value):
        return queryset.filter(priority=Priority.HOOG) if value else queryset

    def only_unassigned(self, queryset, name, value):
        return queryset.filter(assigned_to=None) if value else queryset

    def only_mine(self, queryset, name, value):
        return queryset.filter(assigned_to=self.request.user) if value else queryset
