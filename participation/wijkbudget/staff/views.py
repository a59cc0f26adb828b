"""The staff side of a round: judge feasibility, make vote-code letters, enter paper ballots
twice and post realisation updates (starting the next phase and closing the round, which cannot
be undone, ask for confirmation first: staff/confirm.py). Each action checks its
own permission (rules.py) and calls one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..forms import (
    CodesForm,
    FeasibleForm,
    InfeasibleForm,
    PaperForm,
    RealisationForm,
    selection_from,
)
from ..letters import letters_pdf
from ..models import Eligibility, Proposal, Round
from ..services import (
    BallotRefused,
    BudgetError,
    paper_ballot_enter,
    proposal_mark_feasible,
    proposal_mark_infeasible,
    proposal_request_merge,
    realisation_add_update,
    vote_codes_generate,
)
from ..services.paper import pending_sheets
from ..services.voting import turnout
from ..workflow import REVIEW_PHASES, Feasibility, Phase, may_advance, next_phase


class StaffMixin:
    header_icon = "tasks"
    permission = "participation.use_workspace"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_round(self) -> Round:
        return get_object_or_404(Round, pk=self.kwargs["pk"])

    def back(self):
        return redirect("wijkbudget_workspace:round", self.kwargs["pk"])

    def refuse(self, error: BudgetError):
        messages.error(self.request, " ".join(error.messages))
        return self.back()

    def refuse_form(self, form):
        messages.error(self.request, " ".join(e for errs in form.errors.values() for e in errs))
        return self.back()

    def act(self, service, done: str, **arguments):
        """Call one service; back to the round page with its refusal, or with `done`."""
        try:
            service(**arguments)
        except BudgetError as error:
            return self.refuse(error)
        messages.success(self.request, done)
        return self.back()


class RoundsView(StaffMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/rounds.html"
    page_title = gettext_lazy("Wijkbudget")

    def get(self, request):
        rounds = Round.objects.annotate(
            n_proposals=Count("proposals", distinct=True),
            n_open=Count(
                "proposals", filter=Q(proposals__status=Feasibility.INGEDIEND), distinct=True
            ),
        ).order_by("-pk")
        rows = [(r, r.phase()) for r in rounds]
        return self.render_to_response(self.get_context_data(rows=rows))


class RoundView(StaffMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/round.html"

    def get_page_title(self):
        return self.round.title

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("wijkbudget_workspace:rounds"), "label": _("Wijkbudget")},
            {"url": "", "label": self.round.title},
        ]

    def get(self, request, pk):
        self.round = self.get_round()
        phase = self.round.phase()
        proposals = list(
            self.round.proposals.select_related("proposer", "merge_requested_into").order_by(
                "status", "pk"
            )
        )
        candidates = [p for p in proposals if p.status != Feasibility.SAMENGEVOEGD]
        user = request.user
        funded = [
            p
            for p in proposals
            if p.pk
            in {x["id"] for x in (self.round.result or {}).get("projects", []) if x["selected"]}
        ]
        context = self.get_context_data(
            round=self.round,
            phase=phase,
            next_phase=next_phase(phase) if may_advance(phase) else None,
            proposals=proposals,
            reviewing=phase in REVIEW_PHASES and user.has_perm("participation.review_proposals"),
            merge_choices=candidates,
            feasible_form=FeasibleForm(),
            infeasible_form=InfeasibleForm(),
            codes_form=CodesForm() if self.round.eligibility == Eligibility.CODES else None,
            may_manage_voting=user.has_perm("participation.manage_voting"),
            may_close=user.has_perm("participation.close_round"),
            voting=phase == Phase.STEMMEN,
            turnout=turnout(self.round),
            pending=len(pending_sheets(self.round)) if phase == Phase.STEMMEN else 0,
            codes_made=self.round.codes.count(),
            codes_used=self.round.codes.filter(used_at__isnull=False).count(),
            realisation_form=RealisationForm(proposals=funded) if funded else None,
            edit_url=reverse("wijkbudget_rounds:edit", args=[self.round.pk]),
        )
        return self.render_to_response(context)


class _ProposalAction(StaffMixin, View):
    permission = "participation.review_proposals"

    def get_proposal(self) -> Proposal:
        return get_object_or_404(Proposal, round_id=self.kwargs["pk"], pk=self.kwargs["proposal"])


class FeasibleView(_ProposalAction):
    def post(self, request, pk, proposal):
        form = FeasibleForm(request.POST)
        if not form.is_valid():
            return self.refuse_form(form)
        return self.act(
            proposal_mark_feasible,
            _("Opgeslagen: haalbaar. De indiener krijgt bericht."),
            proposal=self.get_proposal(),
            actor=request.user,
            final_cost_cents=form.cleaned_data["final_cost"],
            note=form.cleaned_data["note"],
        )


class InfeasibleView(_ProposalAction):
    def post(self, request, pk, proposal):
        return self.act(
            proposal_mark_infeasible,
            _("Opgeslagen: niet haalbaar. De indiener krijgt uw uitleg."),
            proposal=self.get_proposal(),
            actor=request.user,
            reason=request.POST.get("reason", ""),
        )


class MergeView(_ProposalAction):
    def post(self, request, pk, proposal):
        source = self.get_proposal()
        into = Proposal.objects.filter(round_id=pk, pk=request.POST.get("into") or 0).first()
        if into is None:
            messages.error(request, _("Kies het voorstel om mee samen te voegen."))
            return self.back()
        return self.act(
            proposal_request_merge,
            _("De indiener is gevraagd of samenvoegen goed is."),
            proposal=source,
            into=into,
            actor=request.user,
            message=request.POST.get("message", ""),
        )


class CodesView(StaffMixin, View):
    permission = "participation.manage_voting"

    def post(self, request, pk):
        round = self.get_round()
        form = CodesForm(request.POST)
        if not form.is_valid():
            return self.refuse_form(form)
        try:
            codes = vote_codes_generate(
                round=round, count=form.cleaned_data["count"], actor=request.user
            )
        except BudgetError as error:
            return self.refuse(error)
        pdf = letters_pdf(round, codes, form.cleaned_data["language"])
        response = HttpResponse(pdf, content_type="application/pdf")
        name = f"stemcodes-{slugify(round.slug)}-{len(codes)}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "no-store"
        return response


class PaperView(StaffMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/paper.html"
    permission = "participation.manage_voting"
    page_title = gettext_lazy("Papieren stembiljet invoeren")

    def _render(self, round, form, selection=None, errors=(), status=200):
        proposals = list(round.proposals.on_ballot().order_by("pk"))
        for p in proposals:
            p.given = (selection or {}).get(p.pk, 0)
        context = self.get_context_data(round=round, form=form, proposals=proposals, errors=errors)
        return self.render_to_response(context, status=status)

    def get(self, request, pk):
        return self._render(self.get_round(), PaperForm())

    def post(self, request, pk):
        round = self.get_round()
        form = PaperForm(request.POST)
        ids = list(round.proposals.on_ballot().values_list("pk", flat=True))
        selection, field_errors = selection_from(request.POST, ids, round.is_cumulative)
        if not form.is_valid() or field_errors:
            return self._render(round, form, selection, field_errors, status=400)
        try:
            ballot = paper_ballot_enter(
                round=round,
                sheet=form.cleaned_data["sheet"],
                selection=selection,
                actor=request.user,
            )
        except BallotRefused as error:
            # the reasons are written for the voter; for staff the point is what to do now
            lead = _(
                "Zo telt dit stembiljet niet mee. Kijk eerst of u het goed heeft overgetypt. "
                "Staat het echt zo op papier? Dan is het stembiljet ongeldig; voer het niet in."
            )
            return self._render(round, form, selection, [lead, *error.messages], status=400)
        except BudgetError as error:
            return self._render(round, form, selection, error.messages, status=400)
        if ballot is None:
            messages.success(
                request,
                _(
                    "Ingevoerd. Een collega moet dit stembiljet nog een keer invoeren; dan telt "
                    "het."
                ),
            )
        else:
            messages.success(request, _("Beide invoeren zijn gelijk. Het stembiljet telt mee."))
        return redirect("wijkbudget_workspace:paper", pk)


class RealisationView(StaffMixin, View):
    permission = "participation.close_round"

    def post(self, request, pk):
        round = self.get_round()
        funded = Proposal.objects.filter(
            round=round,
            pk__in=[x["id"] for x in (round.result or {}).get("projects", []) if x["selected"]],
        )
        form = RealisationForm(request.POST, request.FILES, proposals=funded)
        if not form.is_valid():
            return self.refuse_form(form)
        return self.act(
            realisation_add_update,
            _("De stand van uitvoering staat op de pagina van de ronde."),
            proposal=funded.get(pk=form.cleaned_data["proposal"]),
            actor=request.user,
            text=form.cleaned_data["text"],
            photo=form.cleaned_data["photo"],
        )
