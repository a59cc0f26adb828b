"""Voting without JavaScript: code (or account) → ballot with a running total the server
computes → confirmation → receipt. The voter's code lives only in their server-side session."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.ratelimit import limited
from common.services import wijk_for_postcode

from ..forms import AccountVoterForm, CodeForm, selection_from
from ..models import Eligibility, VoteCode
from ..services import BallotRefused, BudgetError, ballot_cast, vote_code_find
from ..services.voting import check_selection, format_code, has_voted
from ..workflow import Phase
from .public import get_round

CODE_ATTEMPTS = 10  # per address per 10 minutes


def _key(round) -> str:
    return f"wijkbudget-{round.pk}"


def _closed(request, round):
    phase = round.phase()
    if phase == Phase.STEMMEN:
        return None
    message = (
        _("Het stemmen is gesloten. Bekijk de uitslag.")
        if round.closed_at
        else _(
            "Het stemmen is nog niet begonnen. Kijk op de pagina van de ronde wanneer het begint."
        )
    )
    return render(
        request, "participation/closed.html", {"round": round, "message": message}, status=403
    )


def _voter(request, round) -> dict | None:
    """Who is voting in this session: {'code': VoteCode} or {'user': user}, or None."""
    held = request.session.get(_key(round))
    if not held:
        return None
    if round.eligibility == Eligibility.CODES and held.get("code"):
        code = VoteCode.objects.filter(pk=held["code"], round=round).first()
        return {"code": code} if code else None
    if (
        round.eligibility == Eligibility.ACCOUNT
        and request.user.is_authenticated
        and held.get("user") == request.user.pk
    ):
        return {"user": request.user}
    return None


def _voting(view):
    """The ballot and its confirmation: only while voting is open, and only for a voter this
    session knows (others go back to the code or account step). The view gets the round, the
    voter and the ids of the proposals on the ballot."""

    @wraps(view)
    def wrapped(request, slug):
        round = get_round(slug)
        if closed := _closed(request, round):
            return closed
        voter = _voter(request, round)
        if voter is None:
            return redirect("participation:vote", round.slug)
        ids = list(round.proposals.on_ballot().values_list("pk", flat=True))
        return view(request, round, voter, ids)

    return wrapped


def start(request, slug):
    """Code entry (letters) or the eligibility questions (accounts)."""
    round = get_round(slug)
    if closed := _closed(request, round):
        return closed
    if round.eligibility == Eligibility.ACCOUNT:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = AccountVoterForm(request.POST or None, min_age=round.min_age)
        if request.method == "POST" and form.is_valid():
            try:
                wijk = wijk_for_postcode(form.cleaned_data["postcode"])
            except ValueError:
                form.add_error(
                    "postcode", _("Dit is geen postcode. Een postcode is zoals 2533 AB.")
                )
            else:
                if wijk is None or not round.wijken.filter(pk=wijk.pk).exists():
                    form.add_error(
                        "postcode",
                        _(
                            "Met deze postcode kunt u niet stemmen in deze ronde: die is voor "
                            "%(wijken)s."
                        )
                        % {"wijken": ", ".join(w.name for w in round.wijken.all())},
                    )
                else:
                    request.session[_key(round)] = {"user": request.user.pk}
                    return redirect("participation:ballot", round.slug)
        return render(request, "participation/vote_start.html", {"round": round, "form": form})
    initial = {"code": request.GET.get("code", "")[:40]}
    form = CodeForm(request.POST or None, initial=initial)
    voted_before = False
    if request.method == "POST" and form.is_valid():
        if limited(request, f"wijkbudget-code-{round.pk}", limit=CODE_ATTEMPTS, period=600):
            form.add_error(
                "code",
                _(
                    "U heeft te vaak een code geprobeerd. Wacht tien minuten en probeer het dan "
                    "opnieuw."
                ),
            )
        else:
            try:
                code = vote_code_find(round=round, text=form.cleaned_data["code"])
            except BudgetError as error:
                form.add_error("code", error.messages[0])
            else:
                request.session.cycle_key()
                request.session[_key(round)] = {"code": code.pk}
                return redirect("participation:ballot", round.slug)
    return render(
        request,
        "participation/vote_start.html",
        {"round": round, "form": form, "voted_before": voted_before},
    )


def _ballot_context(round, selection, check=None, extra_errors=()):
    proposals = list(round.proposals.on_ballot().order_by("pk"))
    for p in proposals:
        p.points_given = selection.get(p.pk, 0)
    errors = list(extra_errors) + (check.errors if check else [])
    left = round.budget_cents - (check.total_cents if check else 0)
    return {
        "round": round,
        "proposals": proposals,
        "selection": selection,
        "check": check,
        "errors": errors,
        "left_cents": left,
        "over_cents": max(-left, 0),
        "points_left": round.points_total - (check.points_used if check else 0),
    }


@_voting
def ballot(request, round, voter, ids):
    if request.method != "POST":
        context = _ballot_context(round, {}, check_selection(round, {}))
        context["errors"] = []
        context["voted_before"] = has_voted(round=round, **voter)
        return render(request, "participation/ballot.html", context)
    selection, field_errors = selection_from(request.POST, ids, round.is_cumulative)
    check = check_selection(round, selection)
    if request.POST.get("actie") == "controleren" and check.ok and not field_errors:
        context = _ballot_context(round, selection, check)
        context["chosen"] = [p for p in context["proposals"] if p.pk in selection]
        return render(request, "participation/confirm.html", context)
    context = _ballot_context(round, selection, check, field_errors)
    if request.POST.get("actie") != "controleren":
        context["errors"] = field_errors  # a recount only: show the total, refuse nothing yet
        context["recount"] = True
    return render(
        request,
        "participation/ballot.html",
        context,
        status=200 if context["errors"] == [] else 400,
    )


@require_POST
@_voting
def confirm(request, round, voter, ids):
    selection, field_errors = selection_from(request.POST, ids, round.is_cumulative)
    if request.POST.get("actie") == "aanpassen" or field_errors:
        context = _ballot_context(round, selection, check_selection(round, selection), field_errors)
        context["errors"] = field_errors
        return render(request, "participation/ballot.html", context)
    try:
        cast = ballot_cast(round=round, selection=selection, **voter)
    except BallotRefused as error:
        context = _ballot_context(round, selection, None, error.messages)
        return render(request, "participation/ballot.html", context, status=400)
    except BudgetError as error:
        return render(
            request,
            "participation/closed.html",
            {"round": round, "message": error.messages[0]},
            status=403,
        )
    request.session[f"{_key(round)}-bewijs"] = cast.receipt
    return redirect("participation:receipt", round.slug)


def receipt(request, slug):
    round = get_round(slug)
    value = request.session.get(f"{_key(round)}-bewijs")
    if not value:
        return redirect("participation:round", round.slug)
    return render(
        request, "participation/receipt.html", {"round": round, "receipt": format_code(value)}
    )
