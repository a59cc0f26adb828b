"""One initiative for the broker, and its actions. Each action parses a form, calls one service
and either redirects back (with a message) or shows the page again with the Dutch refusal next
to everything that was typed."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.money import format_euros
from common.parsing import parse_digits
from common.staff_actions import StaffAction, StaffObjectView

from .. import rules, services
from ..models import Accountability, AdviceTemplate, Fund, Grant, Photo
from ..services import InitiativeError
from ..workflow import Status
from .forms import (
    BrokerMessageForm,
    DeclineForm,
    GrantForm,
    HandoffForm,
    NoteForm,
    ReferForm,
    StatusMessageForm,
    TakeForm,
)
from .views import WorkspaceMixin


class InitiativeDetailView(WorkspaceMixin, StaffObjectView):
    template_name = "initiatives/workspace/detail.html"
    page_title = gettext_lazy("Initiatief")
    detail_view = "initiatives_workspace:detail"

    @property
    def initiative(self):
        return self.object

    def get_queryset(self):
        return rules.visible_to_staff(self.request.user).select_related(
            "wijk", "broker", "initiator", "afdeling"
        )

    def get(self, request, reference):
        self.object = self.get_object()
        message_form = BrokerMessageForm()
        advice_id = parse_digits(request.GET.get("advies"))
        if advice_id is not None:
            advice = AdviceTemplate.objects.filter(pk=advice_id, is_active=True).first()
            if advice:
                message_form.initial["text"] = advice.full_text(settings.ZUIDWEST_BASE_URL)
        return self.render_page(message_form=message_form)

    def render_page(self, **forms):
        initiative = self.initiative
        user = self.request.user
        lines = list(initiative.budget_lines.all())
        photos = list(initiative.photos.all())
        fund = Fund.objects.filter(
            wijk_id=initiative.wijk_id, year=timezone.localtime().year
        ).first()
        may_act = rules.is_assigned_broker(user, initiative)
        status = initiative.status
        shown = {
            "take_form": rules.is_take_allowed(user, initiative),
            "message_form": may_act,
            "note_form": True,
            "handoff_form": rules.is_hand_off_allowed(user, initiative),
            "grant_form": may_act and status == Status.IN_GESPREK,
            "refer_form": may_act and status == Status.IN_GESPREK,
            "decline_form": may_act and status == Status.IN_GESPREK,
            "start_form": may_act and status == Status.TOEGEKEND,
            "complete_form": may_act and status == Status.IN_UITVOERING,
        }
        for name, form in forms.items():
            # A refusal for a form this user is not shown must still be read somewhere.
            if not shown.get(name, True) and form.is_bound and form.non_field_errors():
                for error in form.non_field_errors():
                    messages.error(self.request, error)
        context = self.get_context_data(
            initiative=initiative,
            lines=lines,
            total_cents=sum(x.amount_cents for x in lines),
            plan_photos=[p for p in photos if p.kind == Photo.Kind.PLAN],
            result_photos=[p for p in photos if p.kind == Photo.Kind.RESULT],
            attachments=list(initiative.attachments.all()),
            history=list(initiative.events.select_related("actor")),
            thread=list(initiative.messages.select_related("author")),
            notes=list(initiative.notes.select_related("author")),
            co_initiators=list(initiative.co_initiators.filter(accepted_at__isnull=False)),
            # Entered at the desk and not yet in the resident's account: how to reach them.
            desk_invitation=initiative.co_initiators.filter(as_initiator=True).first()
            if initiative.initiator_id is None
            else None,
            grant=Grant.objects.filter(initiative=initiative).select_related("fund").first(),
            accountability=Accountability.objects.filter(initiative=initiative)
            .prefetch_related("lines")
            .first(),
            fund=fund,
            advice_templates=list(AdviceTemplate.objects.filter(is_active=True)),
            may_act=may_act,
            may_take=shown["take_form"],
            may_hand_off=shown["handoff_form"],
            take_form=forms.get("take_form") or TakeForm(),
            message_form=forms.get("message_form") or BrokerMessageForm(),
            note_form=forms.get("note_form") or NoteForm(),
            handoff_form=forms.get("handoff_form") or HandoffForm(initiative=initiative),
            grant_form=forms.get("grant_form") or GrantForm(),
            refer_form=forms.get("refer_form") or ReferForm(),
            decline_form=forms.get("decline_form") or DeclineForm(),
            start_form=forms.get("start_form") or StatusMessageForm(prefix="starten"),
            complete_form=forms.get("complete_form") or StatusMessageForm(prefix="afronden"),
            can_decide=shown["grant_form"],
            can_start=shown["start_form"],
            can_complete=shown["complete_form"],
        )
        return self.render_to_response(context)


class ActionView(StaffAction, InitiativeDetailView):
    """A POST with one form, one service call. Subclasses say which form, which service (its
    keyword arguments are the form's fields, with the broker as `actor_argument`) and what
    to say when it worked (`success`, which may name the form's values)."""

    refusal = InitiativeError
    service = None  # a staticmethod: the service that makes the move
    actor_argument = "actor"
    success = ""

    def call(self, data) -> str:
        self.service(initiative=self.initiative, **{self.actor_argument: self.request.user}, **data)
        return self.success % data


class TakeView(ActionView):
    form_class, form_name = TakeForm, "take_form"
    service = staticmethod(services.initiative_take)
    success = gettext_lazy("U heeft het initiatief opgepakt. De initiatiefnemer krijgt uw bericht.")


class MessageView(ActionView):
    form_class, form_name, anchor = BrokerMessageForm, "message_form", "#berichten"
    service, actor_argument = staticmethod(services.initiative_send_message), "author"
    success = gettext_lazy("Uw bericht is verstuurd.")


class NoteView(ActionView):
    form_class, form_name, anchor = NoteForm, "note_form", "#notities"
    service, actor_argument = staticmethod(services.initiative_add_note), "author"
    success = gettext_lazy("De interne notitie is opgeslagen.")


class HandoffView(ActionView):
    form_class, form_name = HandoffForm, "handoff_form"
    service = staticmethod(services.initiative_handoff)
    success = gettext_lazy("Het initiatief is overgedragen.")

    def make_form(self):
        return HandoffForm(self.request.POST, initiative=self.initiative)

    def post(self, request, reference):
        response = super().post(request, reference)
        # The old broker may no longer see it after a hand-off to another wijk's broker.
        if response.status_code == 302 and not rules.is_visible_to_staff(
            request.user, self.initiative
        ):
            return redirect("initiatives_workspace:queue")
        return response


class GrantView(ActionView):
    form_class, form_name = GrantForm, "grant_form"

    def call(self, data):
        grant = services.initiative_grant(
            initiative=self.initiative,
            actor=self.request.user,
            amount_cents=data["amount"],
            conditions=data["conditions"],
            public_message=data["public_message"],
        )
        return _("Toegekend: %(amount)s.") % {"amount": format_euros(grant.amount_cents)}


class ReferView(ActionView):
    form_class, form_name = ReferForm, "refer_form"
    service = staticmethod(services.initiative_refer)
    success = gettext_lazy("Doorverwezen naar %(organisation)s.")


class DeclineView(ActionView):
    form_class, form_name = DeclineForm, "decline_form"
    service = staticmethod(services.initiative_decline)
    success = gettext_lazy("Het initiatief is afgewezen; de initiatiefnemer krijgt uw uitleg.")


class StartView(ActionView):
    form_class, form_name = StatusMessageForm, "start_form"
    form_kwargs = {"prefix": "starten"}
    service = staticmethod(services.initiative_start)
    success = gettext_lazy("Het initiatief wordt nu uitgevoerd.")


class CompleteView(ActionView):
    form_class, form_name = StatusMessageForm, "complete_form"
    form_kwargs = {"prefix": "afronden"}
    service = staticmethod(services.initiative_complete)
    success = gettext_lazy("Afgerond. De verantwoording is bevestigd.")
