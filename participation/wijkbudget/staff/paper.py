"""The paper ballots that wait: the list for the coordinator, the correction of a first entry by
a colleague who did not type it, and setting aside a sheet that is invalid after all."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..forms import selection_from
from ..models import PaperBallotEntry
from ..services import BallotRefused, BudgetError, paper_entry_correct, paper_entry_discard
from ..services.paper import pending_entries
from .confirm import ConfirmedAction, when
from .views import StaffMixin


class PendingView(StaffMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/pending.html"
    permission = "participation.manage_voting"
    page_title = gettext_lazy("Papieren stembiljetten die wachten")

    def get(self, request, pk):
        round = self.get_round()
        entries = list(pending_entries(round))
        for e in entries:
            e.mine = e.entered_by_id == request.user.pk
        return self.render_to_response(self.get_context_data(round=round, entries=entries))


class _EntryMixin(StaffMixin):
    permission = "participation.manage_voting"

    def get_entry(self) -> PaperBallotEntry:
        return get_object_or_404(
            PaperBallotEntry.objects.select_related("round", "entered_by"),
            round_id=self.kwargs["pk"],
            pk=self.kwargs["entry"],
            counted=False,
            discarded_at__isnull=True,
        )

    def to_list(self):
        return redirect("wijkbudget_workspace:pending", self.kwargs["pk"])


class CorrectView(_EntryMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/paper.html"

    def get_page_title(self):
        return _("Eerste invoer verbeteren")

    def _render(self, entry, selection, errors=(), status=200):
        round = entry.round
        proposals = list(round.proposals.on_ballot().order_by("pk"))
        for p in proposals:
            p.given = selection.get(p.pk, 0)
        context = self.get_context_data(
            round=round,
            entry=entry,
            proposals=proposals,
            errors=errors,
            entered=when(entry.created_at),
        )
        return self.render_to_response(context, status=status)

    def get(self, request, pk, entry):
        entry = self.get_entry()
        return self._render(entry, {int(k): v for k, v in entry.choices.items()})

    def post(self, request, pk, entry):
        entry = self.get_entry()
        ids = list(entry.round.proposals.on_ballot().values_list("pk", flat=True))
        selection, field_errors = selection_from(request.POST, ids, entry.round.is_cumulative)
        if field_errors:
            return self._render(entry, selection, field_errors, status=400)
        try:
            paper_entry_correct(entry=entry, selection=selection, actor=request.user)
        except (BallotRefused, BudgetError) as error:
            return self._render(entry, selection, error.messages, status=400)
        messages.success(
            request,
            _(
                "De eerste invoer van stembiljet %(sheet)s is verbeterd. Een collega moet het nog "
                "een keer invoeren; dan telt het."
            )
            % {"sheet": entry.sheet},
        )
        return self.to_list()


class DiscardView(_EntryMixin, ConfirmedAction):
    danger = True

    def get_page_title(self):
        return _("Stembiljet %(sheet)s weggooien") % {"sheet": self.get_entry().sheet}

    @property
    def submit(self):
        return _("Weggooien: dit stembiljet is ongeldig")

    def facts(self, round):
        entry = self.get_entry()
        return [
            _(
                "Stembiljet %(sheet)s telt dan niet mee. Doe dit alleen als het papieren "
                "stembiljet ongeldig is."
            )
            % {"sheet": entry.sheet},
            _("De invoer van %(name)s van %(date)s blijft bewaard, maar telt niet meer mee.")
            % {"name": entry.entered_by or _("een oud-collega"), "date": when(entry.created_at)},
            _("Dit kan niet ongedaan worden gemaakt."),
        ]

    def perform(self, round):
        entry = self.get_entry()
        paper_entry_discard(entry=entry, actor=self.request.user)
        return _("Stembiljet %(sheet)s is weggegooid. Het telt niet mee.") % {"sheet": entry.sheet}

    def back(self):
        return self.to_list()
