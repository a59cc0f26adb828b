"""The Wagtail edit form of a process: audiences and wijken as checkboxes, the slug made from
the title when left empty."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import rules
from ..models import Audience, Process


class ProcessAdminForm(WagtailAdminModelForm):
    audience = forms.MultipleChoiceField(
        label=_("Voor wie"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies voor wie dit traject is.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            # Staff only: the owner is reminded when the follow-up is late.
            self.fields["owner"].queryset = (
                get_user_model().objects.filter(is_staff=True, is_active=True).order_by("email")
            )
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leeg laten: wordt gemaakt van de titel.")

    def clean(self):
        data = super().clean()
        # A published process is changed only by whoever may publish: new dates or wijken
        # can make new clashes, and that is the coordinator's call.
        if (
            self.instance.pk
            and self.instance.is_published
            and not rules.has_publish_power(getattr(self, "for_user", None))
        ):
            raise forms.ValidationError(
                _("Dit traject staat online. Alleen een coördinator mag het nog wijzigen.")
            )
        # A promise made in public is never moved: a later date is a new expected date.
        promised = self.instance.followup_due if self.instance.pk else None
        if (
            self.instance.pk
            and self.instance.is_published
            and "followup_due" in data
            and data["followup_due"] != promised
        ):
            self.add_error(
                "followup_due",
                _(
                    "Deze datum is aan bewoners beloofd en blijft staan. Lukt het niet? Vul "
                    "dan de nieuwe datum in bij “terugkoppeling nu verwacht”."
                ),
            )
        return data

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title") or "")[:70]
        if not slug:
            return slug
        base, n = slug, 2
        others = Process.objects.exclude(pk=self.instance.pk)
        if self.data.get(self.add_prefix("slug")):
            if others.filter(slug=slug).exists():
                raise forms.ValidationError(_("Dit adres is al in gebruik."))
            return slug
        while others.filter(slug=slug).exists():
            slug = f"{base}-{n}"
            n += 1
        return slug
