"""One report for the handler, and its actions. Each action parses a form, calls one service and
either redirects back (with a message) or shows the page again with the Dutch refusal and
everything that was typed."""

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.parsing import parse_digits
from common.staff_actions import StaffAction, StaffObjectView

from .. import workflow
from ..models import Photo, Priority, Recording, StandardText
from ..rules import visible_meldingen
from ..services import (
    MeldingError,
    melding_add_note,
    melding_assign,
    melding_change_status,
    melding_reroute,
    melding_set_priority,
    melding_set_public_description,
)
from ..workflow import Status
from .forms import (
    EXTERNAL_PARTIES,
    AssignForm,
    NoteForm,
    PriorityForm,
    PublicDescriptionForm,
    RerouteForm,
    StatusForm,
)
from .views import BackofficeMixin


class MeldingDetailView(BackofficeMixin, StaffObjectView):
    template_name = "meldingen/backoffice/detail.html"
    page_title = gettext_lazy("Melding")
    detail_view = "meldingen_backoffice:detail"

    @property
    def melding(self):
        return self.object

    def get_queryset(self):
        return visible_meldingen(self.request.user).select_related(
            "category__parent", "wijk", "afdeling", "assigned_to", "reporter", "merged_into"
        )

    def get(self, request, reference):
        self.object = self.get_object()
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
                # The ready text in the reporter's language (the Dutch where it has none): the
                # reporter reads it as the municipality's own words, not a machine's.
                with translation.override(self.melding.language):
                    form.initial["public_message"] = chosen.text
        return form

    def _standard_texts(self):
        category = self.melding.category
        return StandardText.objects.filter(
            Q(category=None) | Q(category=category) | Q(category_id=category.parent_id or 0)
        )

    def render_page(
        self,
        *,
        status_form=None,
        assign_form=None,
        note_form=None,
        public_form=None,
        reroute_form=None,
        priority_form=None,
    ):
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
            recording=Recording.objects.filter(melding=melding).first(),
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
            priority_form=priority_form or PriorityForm(melding=melding),
            can_prioritise=melding.status not in workflow.CLOSED,
            reroute_form=reroute_form or RerouteForm(melding=melding),
            can_reroute=melding.status not in workflow.CLOSED,
            note_form=note_form or NoteForm(),
            public_form=public_form or PublicDescriptionForm(melding=melding),
            status_value=Status(melding.status).value,
        )
        return self.render_to_response(context)


class ActionView(StaffAction, MeldingDetailView):
    refusal = MeldingError


class StatusActionView(ActionView):
    form_name = "status_form"

    def make_form(self):
        return StatusForm(
            self.request.POST, self.request.FILES, melding=self.melding, user=self.request.user
        )

    def call(self, data):
        changed = melding_change_status(
            melding=self.melding, actor=self.request.user, **self.form.service_kwargs()
        )
        return _("De status is nu “%(status)s”.") % {"status": Status(changed.status).label}


class AssignActionView(ActionView):
    form_name = "assign_form"

    def make_form(self):
        return AssignForm(self.request.POST, melding=self.melding)

    def call(self, data):
        melding_assign(melding=self.melding, assignee=data["assignee"], actor=self.request.user)
        return _("De toewijzing is opgeslagen.")


class RerouteActionView(ActionView):
    """Another category or department for a misrouted report."""

    form_name = "reroute_form"

    def make_form(self):
        return RerouteForm(self.request.POST, melding=self.melding)

    def call(self, data):
        self.object = melding_reroute(
            melding=self.melding,
            actor=self.request.user,
            category=data["category"],
            afdeling=data["afdeling"],
            internal_note=data["internal_note"],
        )
        return _("Melding %(reference)s staat nu bij %(afdeling)s, in “%(category)s”.") % {
            "reference": self.object.reference,
            "afdeling": self.object.afdeling or _("geen afdeling"),
            "category": self.object.category,
        }

    def success_url(self):
        # Sent to a department this handler does not belong to: out of their sight, so back to
        # their queue (the report's page would now be a 404 for them).
        if self.get_queryset().filter(pk=self.object.pk).exists():
            return super().success_url()
        return reverse("meldingen_backoffice:queue")


class PriorityActionView(ActionView):
    form_name = "priority_form"

    def make_form(self):
        return PriorityForm(self.request.POST, melding=self.melding)

    def call(self, data):
        changed = melding_set_priority(
            melding=self.melding, priority=data["priority"], actor=self.request.user
        )
        return _("De prioriteit is nu “%(priority)s”.") % {
            "priority": Priority(changed.priority).label
        }


class NoteActionView(ActionView):
    form_class, form_name = NoteForm, "note_form"

    def call(self, data):
        melding_add_note(melding=self.melding, author=self.request.user, text=data["text"])
        return _("De interne notitie is opgeslagen.")


class PublicDescriptionActionView(ActionView):
    form_name = "public_form"

    def make_form(self):
        return PublicDescriptionForm(self.request.POST, melding=self.melding)

    def call(self, data):
        if self.melding.is_sensitive:
            raise MeldingError(_("Een gevoelige melding is nooit openbaar."))
        melding_set_public_description(
            melding=self.melding, text=data["text"], actor=self.request.user
        )
        return _("De openbare omschrijving is opgeslagen.")
