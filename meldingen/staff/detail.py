"""One report for the handler, and its actions. Each action parses a form, calls one service and
either redirects back (with a message) or shows the page again with the Dutch refusal and
everything that was typed."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from common.parsing import parse_digits

from ..models import Photo, StandardText
from ..rules import get_visible_or_404, visible_meldingen
from ..services import (
    MeldingError,
    melding_add_note,
    melding_assign,
    melding_change_status,
    melding_set_public_description,
)
from ..workflow import Status
from .forms import EXTERNAL_PARTIES, AssignForm, NoteForm, PublicDescriptionForm, StatusForm
from .views import BackofficeMixin


class MeldingDetailView(BackofficeMixin, WagtailAdminTemplateMixin, View):
    template_name = "meldingen/backoffice/detail.html"
    page_title = gettext_lazy("Melding")

    def get_melding(self):
        queryset = visible_meldingen(self.request.user).select_related(
            "category__parent", "wijk", "afdeling", "assigned_to", "reporter", "merged_into"
        )
        return get_visible_or_404(self.request.user, self.kwargs["reference"], queryset)

    def get_page_subtitle(self):
        return self.melding.reference

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.melding.reference}]

    def get(self, request, reference):
        self.melding = self.get_melding()
        return self.render_page(status_form=self._prefilled_status_form())

    def _prefilled_status_form(self) -> StatusForm:
        """A standard text chosen by link (`?naar=ingepland&tekst=3`) fills in the message, so
        it can still be edited before sending; this works without JavaScript."""
        form = StatusForm(melding=self.melding, user=self.request.user)
        target = self.request.GET.get("naar")
        if target in {t.value for t in form.targets}:
            form.initial["to"] = target
            text_id = parse_digits(self.request.GET.get("tekst"))
            texts = self._standard_texts().filter(status=target)
            chosen = texts.filter(pk=text_id).first() if text_id is not None else None
            if chosen:
                form.initial["public_message"] = chosen.text
        return form

    def _standard_texts(self):
        category = self.melding.category
        return StandardText.objects.filter(
            Q(category=None) | Q(category=category) | Q(category_id=category.parent_id or 0)
        )

    def render_page(self, *, status_form=None, assign_form=None, note_form=None, public_form=None):
        melding = self.melding
        user = self.request.user
        status_form = status_form or StatusForm(melding=melding, user=user)
        texts = list(self._standard_texts().filter(status__in=status_form.targets))
        photos = list(melding.photos.all())
        context = self.get_context_data(
            melding=melding,
            history=melding.history.select_related("actor"),
            notes=melding.notes.select_related("author"),
            reporter_photos=[p for p in photos if p.kind == Photo.Kind.REPORTER],
            after_photos=[p for p in photos if p.kind == Photo.Kind.AFTER],
            subscriber_count=melding.subscriptions.count(),
            status_form=status_form,
            standard_texts=[
                {"status": t, "texts": [x for x in texts if x.status == t]}
                for t in status_form.targets
                if any(x.status == t for x in texts)
            ],
            external_parties=EXTERNAL_PARTIES,
            assign_form=assign_form or AssignForm(melding=melding),
            note_form=note_form or NoteForm(),
            public_form=public_form or PublicDescriptionForm(melding=melding),
            status_value=Status(melding.status).value,
        )
        return self.render_to_response(context)

    def act(self, form, call):
        """Run one service for a valid form (`call` returns the success message); a refusal
        lands on the form, next to what was typed."""
        if form.is_valid():
            try:
                success = call(form.cleaned_data)
            except MeldingError as error:
                form.add_error(None, error)
            else:
                messages.success(self.request, success)
                return redirect(
                    reverse("meldingen_backoffice:detail", args=[self.melding.reference])
                )
        return None


class StatusActionView(MeldingDetailView):
    http_method_names = ["post"]

    def post(self, request, reference):
        self.melding = self.get_melding()
        form = StatusForm(request.POST, request.FILES, melding=self.melding, user=request.user)

        def call(data):
            changed = melding_change_status(
                melding=self.melding, actor=request.user, **form.service_kwargs()
            )
            return _("De status is nu “%(status)s”.") % {"status": Status(changed.status).label}

        return self.act(form, call) or self.render_page(status_form=form)


class AssignActionView(MeldingDetailView):
    http_method_names = ["post"]

    def post(self, request, reference):
        self.melding = self.get_melding()
        form = AssignForm(request.POST, melding=self.melding)

        def call(data):
            melding_assign(melding=self.melding, assignee=data["assignee"], actor=request.user)
            return _("De toewijzing is opgeslagen.")

        return self.act(form, call) or self.render_page(assign_form=form)


class NoteActionView(MeldingDetailView):
    http_method_names = ["post"]

    def post(self, request, reference):
        self.melding = self.get_melding()
        form = NoteForm(request.POST)

        def call(data):
            melding_add_note(melding=self.melding, author=request.user, text=data["text"])
            return _("De interne notitie is opgeslagen.")

        return self.act(form, call) or self.render_page(note_form=form)


class PublicDescriptionActionView(MeldingDetailView):
    http_method_names = ["post"]

    def post(self, request, reference):
        self.melding = self.get_melding()
        form = PublicDescriptionForm(request.POST, melding=self.melding)

        def call(data):
            if self.melding.is_sensitive:
                raise MeldingError(_("Een gevoelige melding is nooit openbaar."))
            melding_set_public_description(
                melding=self.melding, text=data["text"], actor=request.user
            )
            return _("De openbare omschrijving is opgeslagen.")

        return self.act(form, call) or self.render_page(public_form=form)
