"""Staff actions that cannot be undone (start the next phase early, close the vote) or that put
a round before every resident (publish a hidden round, such as an imported one) on a page of
their own. Without JavaScript: the GET says what will happen, with the numbers and the planned
date; the POST does it only with the confirmation checkbox ticked."""

from django.contrib import messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..forms import ConfirmForm
from ..models import Ballot, Round
from ..services import BudgetError, round_advance_phase, round_close, round_publish
from ..services.paper import pending_refusal, pending_sheets
from ..services.rounds import publish_refusal
from ..workflow import START_FIELD, Feasibility, Phase, may_advance, next_phase
from .views import StaffMixin


def when(moment) -> str:
    return date_format(timezone.localtime(moment), "j F Y, H:i")


class ConfirmedAction(StaffMixin, WagtailAdminTemplateMixin, View):
    template_name = "participation/workspace/confirm.html"
    submit = ""
    danger = True

    def facts(self, round: Round) -> list[str]:
        raise NotImplementedError

    def blocked(self, round: Round) -> str:
        """Why the action cannot be done now; the page then has no button."""
        return ""

    def perform(self, round: Round) -> str:
        """Call the one service; return the success message."""
        raise NotImplementedError

    def show(self, round: Round, form: ConfirmForm, status: int = 200):
        context = self.get_context_data(
            round=round,
            facts=self.facts(round),
            blocked=self.blocked(round),
            form=form,
            submit=self.submit,
            danger=self.danger,
        )
        return self.render_to_response(context, status=status)

    def get(self, request, pk, **kwargs):
        return self.show(self.get_round(), ConfirmForm())

    def post(self, request, pk, **kwargs):
        round = self.get_round()
        form = ConfirmForm(request.POST)
        if not form.is_valid():
            return self.show(round, form, status=400)
        try:
            done = self.perform(round)
        except BudgetError as error:
            return self.refuse(error)
        messages.success(request, done)
        return self.back()


class AdvanceView(ConfirmedAction):
    permission = "participation.close_round"

    def get_page_title(self):
        target = next_phase(self.get_round().phase())
        label = target.label if target else ""
        return _("Nu beginnen: %(phase)s") % {"phase": label}

    @property
    def submit(self):
        return self.get_page_title()

    def blocked(self, round):
        if not may_advance(round.phase()):
            return _("Deze ronde heeft geen volgende fase om nu te starten.")
        return ""

    def facts(self, round):
        phase = round.phase()
        target = next_phase(phase)
        if not may_advance(phase):
            return []
        facts = [
            _("De fase “%(phase)s” begint meteen. Bewoners zien dat direct op de website.")
            % {"phase": target.label}
        ]
        planned = getattr(round, START_FIELD[target])
        if planned is None:
            facts.append(_("Voor deze fase was nog geen datum gepland."))
        elif planned > timezone.now():
            facts.append(
                _("Gepland was %(date)s. De fase begint dus eerder dan gepland.")
                % {"date": when(planned)}
            )
        if target == Phase.HAALBAARHEID:
            facts.append(_("Bewoners kunnen daarna geen ideeën meer indienen."))
        if target == Phase.STEMMEN:
            waiting = round.proposals.filter(status=Feasibility.INGEDIEND).count()
            facts.append(
                _("Bewoners kunnen meteen stemmen. Voorstellen beoordelen kan daarna niet meer.")
            )
            if waiting:
                facts.append(
                    ngettext(
                        "%(n)s voorstel is nog niet beoordeeld. Het komt niet op het stembiljet.",
                        "%(n)s voorstellen zijn nog niet beoordeeld. Ze komen niet op het "
                        "stembiljet.",
                        waiting,
                    )
                    % {"n": waiting}
                )
        facts.append(_("Dit kunt u niet ongedaan maken."))
        return facts

    def perform(self, round):
        row = round_advance_phase(round=round, actor=self.request.user)
        return _("De fase “%(phase)s” is begonnen.") % {"phase": row.phase().label}


class CloseView(ConfirmedAction):
    permission = "participation.close_round"

    def get_page_title(self):
        return _("Stemmen sluiten en uitslag publiceren")

    @property
    def submit(self):
        return self.get_page_title()

    def blocked(self, round):
        if round.closed_at is not None:
            return _("Deze ronde is al gesloten.")
        if round.phase() != Phase.STEMMEN:
            return _("Een ronde kan alleen gesloten worden terwijl er gestemd wordt.")
        if waiting := len(pending_sheets(round)):
            return pending_refusal(waiting)
        return ""

    def facts(self, round):
        online = round.ballots.filter(source=Ballot.Source.ONLINE).count()
        paper = round.ballots.filter(source=Ballot.Source.PAPER).count()
        facts = [
            ngettext(
                "Er is %(n)s stembiljet: %(online)s online en %(paper)s op papier.",
                "Er zijn %(n)s stembiljetten: %(online)s online en %(paper)s op papier.",
                online + paper,
            )
            % {"n": online + paper, "online": online, "paper": paper},
            _(
                "Daarna kan niemand meer stemmen, ook niet op papier. De uitslag staat meteen "
                "online."
            ),
        ]
        if round.voting_ends_at is not None:
            if round.voting_ends_at > timezone.now():
                facts.append(
                    _(
                        "Het stemmen zou duren tot %(date)s. U sluit dus eerder dan gepland: wie "
                        "daarna nog wil stemmen, kan dat niet meer."
                    )
                    % {"date": when(round.voting_ends_at)}
                )
            else:
                facts.append(
                    _("Het stemmen zou duren tot %(date)s.") % {"date": when(round.voting_ends_at)}
                )
        facts.append(_("Dit kan niet ongedaan worden gemaakt."))
        return facts

    def perform(self, round):
        round_close(round=round, actor=self.request.user)
        return _("De ronde is gesloten en de uitslag staat online.")


class PublishView(ConfirmedAction):
    permission = "participation.close_round"
    danger = False

    def get_page_title(self):
        return _("Ronde op de site zetten")

    @property
    def submit(self):
        return self.get_page_title()

    def blocked(self, round):
        if round.is_published:
            return _("Deze ronde staat al op de site.")
        return publish_refusal(round)

    def facts(self, round):
        plans = round.proposals.on_ballot().count()
        facts = [
            ngettext(
                "Iedereen ziet de ronde dan op de pagina Wijkbudget, met %(n)s plan.",
                "Iedereen ziet de ronde dan op de pagina Wijkbudget, met %(n)s plannen.",
                plans,
            )
            % {"n": plans}
        ]
        if round.result:
            facts.append(_("De uitslag en alle stemmen (zonder namen) staan dan ook online."))
        elif round.phase() == Phase.STEMMEN:
            facts.append(_("Het stemmen is open: bewoners kunnen dan meteen stemmen."))
        if round.is_imported:
            facts.append(
                _(
                    "Deze ronde komt uit een bestand: een echte stemming in %(place)s. Op elke "
                    "pagina staat dat het een voorbeeld is en dat het geen stemmen van bewoners "
                    "van Zuidwest zijn."
                )
                % {"place": round.imported_from()}
            )
            facts.append(
                _(
                    "Ze telt niet mee in de cijfers en het overzicht “U zei, wij deden”, en ze "
                    "staat niet op de wijkpagina’s of in de zoekresultaten."
                )
            )
        facts.append(
            _(
                "Van de site halen kan later weer: zet bij “Ronde bewerken” het vinkje "
                "“zichtbaar op de site” uit."
            )
        )
        return facts

    def perform(self, round):
        round_publish(round=round, actor=self.request.user)
        return _("De ronde staat op de site.")
