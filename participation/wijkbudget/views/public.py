"""Public pages of the wijkbudget: the rounds, one round (always saying its phase and what comes
next), proposing an idea, a proposal, the results and the anonymised ballot list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.ratelimit import UPLOAD_REFUSED, limited, upload_limited

from .. import workflow as wf
from ..forms import ProposalForm
from ..models import Ballot, BallotChoice, Proposal, RealisationUpdate, Round
from ..results import count_text, explain_project, rule_summary, score_line, share_text
from ..services import BudgetError, proposal_answer_merge, proposal_submit
from ..services.voting import turnout
from ..workflow import Phase

BALLOTS_PER_PAGE = 50


def get_round(slug: str) -> Round:
    return get_object_or_404(Round.objects.public().prefetch_related("wijken"), slug=slug)


def index(request):
    rounds = list(Round.objects.public().prefetch_related("wijken"))
    for r in rounds:
        r.current = r.phase()
    return render(request, "participation/index.html", {"rounds": rounds})


def phase_steps(round: Round, phase: Phase) -> list[dict]:
    dates = {
        Phase.IDEEEN: round.ideas_open_at,
        Phase.HAALBAARHEID: round.review_starts_at,
        Phase.STEMMEN: round.voting_starts_at,
        Phase.UITSLAG: round.closed_at or round.voting_ends_at,
        Phase.UITVOERING: round.realisation_starts_at,
    }
    current = wf.ORDER.index(phase)
    return [
        {
            "label": p.label,
            "date": dates[p],
            "state": "done" if wf.ORDER.index(p) < current else "now" if p == phase else "later",
        }
        for p in wf.ORDER[1:]
    ]


def round_detail(request, slug):
    round = get_round(slug)
    phase = round.phase()
    proposals = list(
        round.proposals.public().order_by("-status", "pk")
        if phase in (Phase.IDEEEN, Phase.HAALBAARHEID)
        else round.proposals.on_ballot().order_by("pk")
    )
    funded_ids = [p["id"] for p in (round.result or {}).get("projects", []) if p["selected"]]
    updates = (
        RealisationUpdate.objects.filter(proposal__round=round, proposal_id__in=funded_ids)
        .select_related("proposal")
        .order_by("-created_at")[:20]
    )
    context = {
        "round": round,
        "phase": phase,
        "doing": wf.DOING[phase],
        "next": wf.NEXT[phase],
        "steps": phase_steps(round, phase),
        "proposals": proposals,
        "updates": updates,
        "turnout": turnout(round) if phase == Phase.STEMMEN else None,
        "ws_path": f"/ws/wijkbudget/{round.slug}/" if phase == Phase.STEMMEN else "",
    }
    return render(request, "participation/round.html", context)


@login_required
def propose(request, slug):
    round = get_round(slug)
    if round.phase() != Phase.IDEEEN:
        return render(
            request,
            "participation/closed.html",
            {"round": round, "message": _("U kunt nu geen ideeën indienen voor deze ronde.")},
            status=403,
        )
    too_many = upload_limited(request)
    posted = request.POST if too_many else request.POST or None  # refused: still bound
    form = ProposalForm(posted, None if too_many else request.FILES or None)
    if too_many:
        form.add_error(None, UPLOAD_REFUSED)
    if request.method == "POST" and form.is_valid():
        if limited(request, "wijkbudget-idee", limit=10, period=3600):
            form.add_error(
                None, _("U heeft veel ideeën ingediend. Probeer het over een uur nog eens.")
            )
        else:
            data = form.cleaned_data
            try:
                proposal = proposal_submit(
                    round=round,
                    proposer=request.user,
                    title=data["title"],
                    description=data["description"],
                    estimated_cost_cents=data["estimated_cost"],
                    place=data["place"],
                    lat=data["lat"],
                    lon=data["lon"],
                    photo=data["photo"],
                )
            except BudgetError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request, _("Dank u wel! Uw idee is ingediend. U hoort van ons of het kan.")
                )
                return redirect("participation:proposal", round.slug, proposal.pk)
    return render(
        request,
        "participation/propose.html",
        {"round": round, "form": form},
        status=429 if too_many else 200,
    )


def proposal_detail(request, slug, pk):
    round = get_round(slug)
    proposal = get_object_or_404(
        Proposal.objects.select_related("merged_into", "merge_requested_into").prefetch_related(
            "events", "updates"
        ),
        round=round,
        pk=pk,
    )
    is_proposer = request.user.is_authenticated and proposal.proposer_id == request.user.pk
    explanation = None
    for entry in (round.result or {}).get("projects", []):
        if entry["id"] == proposal.pk:
            explanation = explain_project(entry, round.result)
    return render(
        request,
        "participation/proposal.html",
        {
            "round": round,
            "proposal": proposal,
            "is_proposer": is_proposer,
            "explanation": explanation,
        },
    )


@login_required
@require_POST
def answer_merge(request, slug, pk):
    round = get_round(slug)
    proposal = get_object_or_404(Proposal, round=round, pk=pk)
    try:
        proposal_answer_merge(
            proposal=proposal, actor=request.user, agree=request.POST.get("antwoord") == "ja"
        )
    except BudgetError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Dank u wel voor uw antwoord."))
    return redirect("participation:proposal", round.slug, proposal.pk)


def results(request, slug):
    round = get_round(slug)
    if not round.result:
        raise Http404
    result = round.result
    rows = []
    top = max([p["score"] for p in result["projects"]] or [0]) or 1
    for entry in result["projects"]:
        rows.append(
            {
                **entry,
                "bar": round_percent(entry["score"], top),
                "explanation": explain_project(entry, result),
                "score_text": score_line(entry, result),
                "count_text": count_text(entry, result),
            }
        )
    return render(
        request,
        "participation/results.html",
        {
            "round": round,
            "result": result,
            "rows": rows,
            "rule_text": rule_summary(result),
            "share_text": share_text(result),
            "spent_percent": round_percent(result["spent_cents"], result["budget_cents"]),
        },
    )


def round_percent(part, whole) -> int:
    return int(100 * part / whole) if whole else 0


def ballot_list(request, slug):
    """The anonymised ballots, by receipt id: a voter checks that their ballot was counted."""
    round = get_round(slug)
    if not round.result:
        raise Http404
    wanted = (request.GET.get("bewijs") or "").strip().upper().replace("-", "").replace(" ", "")
    ballots = Ballot.objects.filter(round=round).order_by("receipt")
    found = None
    if wanted:
        found = (
            ballots.filter(receipt=wanted)
            .prefetch_related(Prefetch("choices", BallotChoice.objects.select_related("proposal")))
            .first()
        )
    page = Paginator(
        ballots.prefetch_related(
            Prefetch("choices", BallotChoice.objects.select_related("proposal"))
        ),
        BALLOTS_PER_PAGE,
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "participation/ballots.html",
        {"round": round, "page": page, "wanted": wanted, "found": found, "searched": bool(wanted)},
    )
