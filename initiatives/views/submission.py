"""The guided form: five steps, each saved in the database as a draft, so the initiator (or a
co-initiator) can stop at any step and go on later, on any device."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from common.parsing import parse_digits
from common.ratelimit import UPLOAD_REFUSED, upload_limited

from .. import rules, services
from ..forms import BudgetLineFormSet, ConsentForm, FilesForm, IdeaForm, NeedsForm, PlaceForm
from ..models import Initiative, Photo, Recording
from ..services import InitiativeError
from ..workflow import Status

STEPS = [
    (1, gettext_lazy("Uw idee")),
    (2, gettext_lazy("Waar en wanneer")),
    (3, gettext_lazy("Wat heeft u nodig")),
    (4, gettext_lazy("Foto's en mensen")),
    (5, gettext_lazy("Controleren en versturen")),
]
EMPTY_LINES = 3


def _editable_or_404(request, pk: int) -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("wijk"), pk=pk)
    if not rules.is_initiator_side(request.user, initiative):
        raise Http404  # someone else's draft does not exist for you
    return initiative


def _context(initiative: Initiative | None, step: int, **extra) -> dict:
    return {
        "initiative": initiative,
        "step": step,
        "steps": STEPS,
        "step_title": dict(STEPS)[step],
        "is_concept": initiative is None or initiative.status == Status.CONCEPT,
        **extra,
    }


def _after_save(request, initiative: Initiative, step: int):
    """'Opslaan en verder' goes on; 'Opslaan, later verder' goes to the overview; an initiative
    that was already sent returns to its own page."""
    if "later" in request.POST:
        messages.success(
            request, _("Opgeslagen. U gaat later verder via Mijn Zuidwest of Nieuw initiatief.")
        )
        return redirect("accounts:mijn")
    if initiative.status != Status.CONCEPT:
        messages.success(request, _("Uw wijzigingen zijn opgeslagen."))
        return redirect("initiatives:mine", pk=initiative.pk)
    return redirect("initiatives:step", pk=initiative.pk, step=min(step + 1, 5))


@login_required
@require_http_methods(["GET", "POST"])
def new(request):
    """Step 1 of a new initiative; drafts the resident already has are offered to resume."""
    form = IdeaForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                initiative = services.initiative_create(
                    initiator=request.user, **form.step_fields()
                )
                _save_recording(request, initiative, form)
        except InitiativeError as error:
            form.add_error(None, error)
        else:
            return _after_save(request, initiative, 1)
    drafts = Initiative.objects.of_initiator(request.user).concepts().order_by("-updated_at")
    return render(
        request, "initiatives/step_1.html", _context(None, 1, form=form, drafts=list(drafts))
    )


@login_required
@require_http_methods(["GET", "POST"])
def step(request, pk: int, step: int):
    initiative = _editable_or_404(request, pk)
    if step not in dict(STEPS):
        raise Http404
    if not initiative.is_editable:
        messages.info(request, _("Dit initiatief kan niet meer worden aangepast."))
        return redirect("initiatives:mine", pk=initiative.pk)
    if step == 5 and initiative.status != Status.CONCEPT:
        return redirect("initiatives:mine", pk=initiative.pk)
    handler = {1: _step_idea, 2: _step_place, 3: _step_needs, 4: _step_files, 5: _step_submit}
    return handler[step](request, initiative)


def _simple_step(request, initiative, step: int, form_class, initial: dict):
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_update(
                initiative=initiative, actor=request.user, step=step, **form.cleaned_data
            )
        except InitiativeError as error:
            form.add_error(None, error)
        else:
            return _after_save(request, initiative, step)
    template = f"initiatives/step_{step}.html"
    return render(request, template, _context(initiative, step, form=form))


def _save_recording(request, initiative: Initiative, form: IdeaForm) -> None:
    """A new recording replaces the kept one; "weghalen" removes it; else nothing changes."""
    recording = form.cleaned_data.get("recording")
    if recording or form.cleaned_data.get("remove_recording"):
        services.initiative_set_recording(
            initiative=initiative, actor=request.user, recording=recording
        )


def _step_idea(request, initiative):
    initial = {k: getattr(initiative, k) for k in ("title", "what_why", "for_whom", "theme")}
    form = IdeaForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        kept=Recording.objects.filter(initiative=initiative).first(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.initiative_update(
                    initiative=initiative, actor=request.user, step=1, **form.step_fields()
                )
                _save_recording(request, initiative, form)
        except InitiativeError as error:
            form.add_error(None, error)
        else:
            return _after_save(request, initiative, 1)
    return render(request, "initiatives/step_1.html", _context(initiative, 1, form=form))


def _step_place(request, initiative):
    fields = ("wijk", "place", "lat", "lon", "when_text", "start_date")
    initial = {k: getattr(initiative, k) for k in fields}
    if initiative.wijk_id is None and request.user.wijk_id:
        initial["wijk"] = request.user.wijk_id
    return _simple_step(request, initiative, 2, PlaceForm, initial)


def _step_needs(request, initiative):
    lines = list(initiative.budget_lines.all())
    if request.method == "POST":
        form = NeedsForm(request.POST)
        formset = BudgetLineFormSet(request.POST, prefix="regels")
        if form.is_valid() and formset.is_valid():
            rows = [
                (f.cleaned_data.get("description", ""), f.cleaned_data.get("amount") or 0)
                for f in formset.forms
                if f.cleaned_data.get("description") or f.cleaned_data.get("amount")
            ]
            try:
                services.initiative_set_needs(
                    initiative=initiative,
                    actor=request.user,
                    help_needed=form.cleaned_data["help_needed"],
                    help_notes=form.cleaned_data["help_notes"],
                    lines=rows,
                )
            except InitiativeError as error:
                form.add_error(None, error)
            else:
                if "more_lines" not in request.POST:
                    return _after_save(request, initiative, 3)
                return redirect(f"{request.path}?regels={len(rows) + EMPTY_LINES}#begroting")
        if "more_lines" in request.POST and formset.is_valid() and not form.is_valid():
            # Asked for more rows before ticking the help: show them, keep what was typed.
            formset = _with_empty_rows(formset, request)
    else:
        form = NeedsForm(
            initial={"help_needed": initiative.help_needed, "help_notes": initiative.help_notes}
        )
        wanted = _int(request.GET.get("regels"), len(lines) + EMPTY_LINES)
        initial = [{"description": x.description, "amount": x.amount_cents} for x in lines]
        initial += [{} for _ in range(max(wanted, len(lines)) - len(lines))]
        formset = BudgetLineFormSet(initial=initial[:20], prefix="regels")
    total = sum(line.amount_cents for line in lines)
    return render(
        request,
        "initiatives/step_3.html",
        _context(initiative, 3, form=form, formset=formset, total_cents=total),
    )


def _with_empty_rows(formset, request):
    data = request.POST.copy()
    count = _int(data.get("regels-TOTAL_FORMS"), 0)
    data["regels-TOTAL_FORMS"] = str(min(count + EMPTY_LINES, 20))
    return BudgetLineFormSet(data, prefix="regels")


def _int(value, default: int) -> int:
    number = parse_digits(value)
    return default if number is None else min(number, 20)


def _step_files(request, initiative):
    form = FilesForm()
    too_many = False
    if request.method == "POST":
        if "remove_photo" in request.POST or "remove_attachment" in request.POST:
            services.initiative_remove_file(
                initiative=initiative,
                actor=request.user,
                photo_id=parse_digits(request.POST.get("remove_photo")),
                attachment_id=parse_digits(request.POST.get("remove_attachment")),
            )
            messages.success(request, _("Het bestand is verwijderd."))
            return redirect(request.path)
        too_many = upload_limited(request)
        form = FilesForm(request.POST, None if too_many else request.FILES)
        if too_many:
            form.add_error(None, UPLOAD_REFUSED)
        if form.is_valid() and _save_files(request, initiative, form):
            if "add" in request.POST:
                messages.success(request, _("Opgeslagen. U kunt nog meer toevoegen."))
                return redirect(request.path)
            return _after_save(request, initiative, 4)
    return render(
        request,
        "initiatives/step_4.html",
        _context(
            initiative,
            4,
            form=form,
            photos=list(initiative.photos.filter(kind=Photo.Kind.PLAN)),
            attachments=list(initiative.attachments.all()),
            invitations=list(initiative.co_initiators.select_related("user")),
            max_photos=services.MAX_PHOTOS,
            max_attachments=services.MAX_ATTACHMENTS,
        ),
        status=429 if too_many else 200,
    )


def _save_files(request, initiative, form) -> bool:
    """Each part is its own service call; a refusal lands on its field, the rest is kept."""
    data = form.cleaned_data
    calls = [
        (
            "photo",
            lambda v: services.initiative_add_photo(
                initiative=initiative, actor=request.user, image=v
            ),
        ),
        (
            "attachment",
            lambda v: services.initiative_add_attachment(
                initiative=initiative, actor=request.user, data=v["data"], name=v["name"]
            ),
        ),
        (
            "invite_email",
            lambda v: services.initiative_invite(
                initiative=initiative, actor=request.user, email=v
            ),
        ),
    ]
    ok = True
    for field, call in calls:
        if data.get(field):
            try:
                call(data[field])
            except (InitiativeError, ValidationError) as error:
                form.add_error(field, error)
                ok = False
    if data.get("invite_email") and "invite_email" not in form.errors:
        messages.success(
            request,
            _("De uitnodiging is verstuurd naar %(email)s.") % {"email": data["invite_email"]},
        )
    return ok


def _step_submit(request, initiative):
    form = ConsentForm(
        request.POST or None, initial={"publish_consent": initiative.publish_consent}
    )
    if request.method == "POST" and form.is_valid():
        consent = form.cleaned_data["publish_consent"]
        try:
            services.initiative_set_publication(
                initiative=initiative, actor=request.user, publish_it=consent
            )
            if "later" in request.POST:
                return _after_save(request, initiative, 5)
            services.initiative_submit(initiative=initiative, actor=request.user)
        except InitiativeError as error:
            form.add_error(None, error)
        else:
            request.session[f"initiative-new-{initiative.pk}"] = True
            return redirect("initiatives:mine", pk=initiative.pk)
    lines = list(initiative.budget_lines.all())
    return render(
        request,
        "initiatives/step_5.html",
        _context(
            initiative,
            5,
            form=form,
            lines=lines,
            total_cents=sum(x.amount_cents for x in lines),
            missing=services.missing_for_submission(initiative),
            photos=list(initiative.photos.filter(kind=Photo.Kind.PLAN)),
            attachments=list(initiative.attachments.all()),
            invitations=list(initiative.co_initiators.all()),
        ),
    )
