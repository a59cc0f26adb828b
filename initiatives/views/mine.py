"""The initiator's own page: the status timeline, the thread with the broker, co-initiators,
volunteers, publication, withdrawing and the accountability. Plus accepting an invitation and
the permission-checked files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.files import private_file_response
from common.ratelimit import UPLOAD_REFUSED, limited, upload_limited

from .. import rules
from ..forms import AccountabilityForm, InviteForm, MessageForm, WithdrawForm
from ..models import (
    Accountability,
    Attachment,
    Grant,
    Initiative,
    InitiativeEvent,
    Photo,
    Recording,
)
from ..services import (
    InitiativeError,
    SpentLine,
    initiative_accept_invitation,
    initiative_add_photo,
    initiative_file_accountability,
    initiative_invite,
    initiative_send_message,
    initiative_set_publication,
    initiative_withdraw,
    invitation_by_token,
)
from ..workflow import Status

MESSAGE_LIMIT = (60, 60 * 60)


def _mine_or_404(request, pk: int) -> Initiative:
    initiative = get_object_or_404(
        Initiative.objects.select_related("wijk", "broker", "initiator"), pk=pk
    )
    if not rules.is_initiator_side(request.user, initiative):
        raise Http404
    return initiative


def _page(request, initiative: Initiative, **forms):
    if initiative.reference is None:  # a draft, or a draft that was thrown away
        if initiative.status != Status.CONCEPT:
            raise Http404
        return redirect("initiatives:step", pk=initiative.pk, step=max(initiative.draft_step, 1))
    history = initiative.events.filter(kind=InitiativeEvent.Kind.STATUS)
    grant = Grant.objects.filter(initiative=initiative).first()
    accountability = (
        Accountability.objects.filter(initiative=initiative).prefetch_related("lines").first()
    )
    lines = list(initiative.budget_lines.all())
    context = {
        "initiative": initiative,
        "history": list(history),
        "thread": list(initiative.messages.select_related("author")),
        "lines": lines,
        "total_cents": sum(x.amount_cents for x in lines),
        "grant": grant,
        "accountability": accountability,
        "photos": list(initiative.photos.all()),
        "attachments": list(initiative.attachments.all()),
        "invitations": list(initiative.co_initiators.select_related("user")),
        "volunteers": list(initiative.volunteers.all()),
        "is_owner": initiative.initiator_id == request.user.pk,
        "may_withdraw": rules.is_withdraw_allowed(request.user, initiative),
        "message_form": forms.get("message_form") or MessageForm(prefix="bericht"),
        "invite_form": forms.get("invite_form") or InviteForm(prefix="uitnodiging"),
        "is_new": request.session.pop(f"initiative-new-{initiative.pk}", False),
    }
    if initiative.status == Status.IN_UITVOERING:
        context["accountability_form"] = forms.get("accountability_form") or AccountabilityForm(
            budget_lines=lines, prefix="verantwoording"
        )
    return render(request, "initiatives/mine.html", context)


def _submit(request, initiative, form_name, form, service, *, success, anchor, error_field=None):
    """One of the page's small forms: when it is valid, call the service with its data and go
    back to the page's part; a refusal is shown at the form (at `error_field`, or above it)."""
    if form.is_valid():
        try:
            service(form.cleaned_data)
        except InitiativeError as error:
            form.add_error(error_field, error)
        else:
            messages.success(request, success)
            return redirect(reverse("initiatives:mine", args=[initiative.pk]) + anchor)
    return _page(request, initiative, **{form_name: form})


@login_required
def mine(request, pk: int):
    return _page(request, _mine_or_404(request, pk))


@login_required
@require_POST
def message(request, pk: int):
    initiative = _mine_or_404(request, pk)
    form = MessageForm(request.POST, prefix="bericht")
    if limited(request, "initiative-message", limit=MESSAGE_LIMIT[0], period=MESSAGE_LIMIT[1]):
        form.add_error(None, _("U stuurde veel berichten achter elkaar. Probeer het later."))
    return _submit(
        request,
        initiative,
        "message_form",
        form,
        lambda data: initiative_send_message(
            initiative=initiative, author=request.user, text=data["text"]
        ),
        success=_("Uw bericht is verstuurd."),
        anchor="#berichten",
    )


@login_required
@require_POST
def invite(request, pk: int):
    initiative = _mine_or_404(request, pk)
    return _submit(
        request,
        initiative,
        "invite_form",
        InviteForm(request.POST, prefix="uitnodiging"),
        lambda data: initiative_invite(
            initiative=initiative, actor=request.user, email=data["email"]
        ),
        success=_("De uitnodiging is verstuurd."),
        anchor="#mensen",
        error_field="email",
    )


@login_required
@require_POST
def publication(request, pk: int):
    initiative = _mine_or_404(request, pk)
    publish_it = request.POST.get("publish") == "1"
    try:
        initiative_set_publication(initiative=initiative, actor=request.user, publish_it=publish_it)
    except InitiativeError as error:
        messages.error(request, error.messages[0])
    else:
        if publish_it:
            messages.success(request, _("Uw initiatief staat nu op de website."))
        else:
            messages.success(request, _("Uw initiatief staat niet meer op de website."))
    return redirect("initiatives:mine", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk: int):
    initiative = _mine_or_404(request, pk)
    if not rules.is_withdraw_allowed(request.user, initiative):
        messages.error(
            request,
            _("Alleen de bewoner die het plan maakte, kan met een open initiatief stoppen."),
        )
        return redirect("initiatives:mine", pk=pk)
    form = WithdrawForm(request.POST or None)
    was_concept = initiative.status == Status.CONCEPT
    if request.method == "POST" and form.is_valid():
        try:
            initiative_withdraw(
                initiative=initiative, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except InitiativeError as error:
            form.add_error(None, error)
        else:
            if was_concept:
                messages.success(request, _("Het concept is weggegooid."))
                return redirect("accounts:mijn")
            messages.success(request, _("Uw initiatief is ingetrokken."))
            return redirect("initiatives:mine", pk=pk)
    return render(request, "initiatives/withdraw.html", {"initiative": initiative, "form": form})


@login_required
@require_POST
def accountability(request, pk: int):
    initiative = _mine_or_404(request, pk)
    lines = list(initiative.budget_lines.all())
    too_many = upload_limited(request)
    form = AccountabilityForm(
        request.POST,
        None if too_many else request.FILES,
        budget_lines=lines,
        prefix="verantwoording",
    )
    if too_many:
        form.add_error(None, UPLOAD_REFUSED)
    if form.is_valid():
        data = form.cleaned_data
        spent = [
            SpentLine(line.pk, line.description, line.amount_cents, data[f"spent_{line.pk}"])
            for line in lines
        ]
        try:
            if data["photo"] is not None:
                initiative_add_photo(
                    initiative=initiative,
                    actor=request.user,
                    image=data["photo"],
                    kind=Photo.Kind.RESULT,
                )
            initiative_file_accountability(
                initiative=initiative,
                actor=request.user,
                what_happened=data["what_happened"],
                participants=data["participants"],
                lines=spent,
            )
        except (InitiativeError, ValidationError) as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Dank u wel. Uw contactpersoon bij de gemeente bekijkt de verantwoording "
                    "en bevestigt die."
                ),
            )
            return redirect("initiatives:mine", pk=pk)
    response = _page(request, initiative, accountability_form=form)
    if too_many:
        response.status_code = 429
    return response


@require_http_methods(["GET", "POST"])
def accept(request, token: str):
    """The link in the invitation. Logging in first (by code) is the light way to an account."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    if request.method == "POST":
        try:
            invitation = initiative_accept_invitation(token=token, user=request.user)
        except InitiativeError as error:
            return render(
                request, "initiatives/accept.html", {"error": error.messages[0]}, status=400
            )
        if invitation.as_initiator:
            messages.success(request, _("Het initiatief staat nu in uw account."))
        else:
            messages.success(request, _("Welkom! U doet nu mee met het plan."))
        return redirect("initiatives:mine", pk=invitation.initiative_id)
    invitation = invitation_by_token(token)
    return render(
        request,
        "initiatives/accept.html",
        {"token": token, "claim": invitation is not None and invitation.as_initiator},
    )


def file(request, kind: str, pk: int, size: str = ""):
    """Photos, PDFs and recordings live in private storage. Photos of a published initiative
    are public; everything else (a recording always: a voice says who it is) only for its
    initiators and the staff who may see it."""
    model = {"foto": Photo, "bijlage": Attachment, "opname": Recording}[kind]
    item = get_object_or_404(model.objects.select_related("initiative"), pk=pk)
    initiative = item.initiative
    allowed = (
        (model is Photo and initiative.is_public)
        or rules.is_initiator_side(request.user, initiative)
        or rules.is_visible_to_staff(request.user, initiative)
    )
    if not allowed:
        raise Http404
    if model is Photo:
        return item.serve(size)
    if model is Recording:
        return item.serve()
    return private_file_response(item.file, download_name=item.name)
