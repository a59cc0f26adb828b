"""Reporting in four steps (what, where, photos, details), and "dit meld ik ook" from step 3
for a report that is already there. Views parse, check and call one service."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.forms import caught_by_honeypot
from common.images import SanitisedImage
from common.parsing import search_words
from common.ratelimit import UPLOAD_REFUSED, limited, upload_limited

from ..forms import MAX_PHOTOS, CategoryForm, DetailsForm, LocationForm, PhotoForm, SupportForm
from ..intake import Draft, possible_duplicates
from ..models import DraftPhoto, Melding
from ..search import find_categories, reportable
from ..services import Intake, MeldingError, melding_create, melding_support
from .follow import ANSWER_LIMIT

SUBMIT_LIMIT = (10, 60 * 60)  # reports per client per hour


def _step_context(step: int, draft: Draft, **extra) -> dict:
    return {"step": step, "steps": 4, "draft": draft, "category": draft.category, **extra}


@require_http_methods(["GET", "POST"])
def step_what(request):
    draft = Draft(request.session)
    query = search_words(request.GET.get("q"))
    categories = reportable().select_related("parent")
    if query:
        # The site's own search (common/search.py): names, main categories and the residents'
        # words, so "lantaarnpaal" offers the street light.
        categories = categories.filter(pk__in=[c.pk for c in find_categories(query)])
    form = CategoryForm(
        request.POST if request.method == "POST" else None,
        initial={"category": draft.data.get("category")},
    )
    if request.method == "POST" and form.is_valid():
        draft.update(category=form.cleaned_data["category"].pk)
        return redirect("meldingen:where")
    groups: dict = {}
    for category in categories.order_by("parent__sort_order", "sort_order"):
        groups.setdefault(category.parent, []).append(category)
    return render(
        request,
        "meldingen/step_what.html",
        _step_context(1, draft, form=form, groups=groups, query=query, language=get_language()),
    )


def _need(draft: Draft, *, location: bool = False):
    if draft.category is None:
        return redirect("meldingen:index")
    if location and not draft.has_location:
        return redirect("meldingen:where")
    return None


@require_http_methods(["GET", "POST"])
def step_where(request):
    draft = Draft(request.session)
    if response := _need(draft):
        return response
    initial = {k: draft.data.get(k) for k in ("postcode", "huisnummer", "lat", "lon")}
    form = LocationForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft.update(
            postcode=data.get("postcode", ""),
            huisnummer=data.get("huisnummer", "").strip(),
            lat=data.get("lat"),
            lon=data.get("lon"),
            wijk=data["wijk"].name,
        )
        return redirect("meldingen:photos")
    return render(request, "meldingen/step_where.html", _step_context(2, draft, form=form))


@require_http_methods(["GET", "POST"])
def step_photos(request):
    draft = Draft(request.session)
    if response := _need(draft, location=True):
        return response
    existing = list(draft.photos())
    if request.method == "POST" and "remove" in request.POST:
        for photo in existing:
            photo.delete_files()
        DraftPhoto.objects.filter(token=draft.data["token"]).delete()
        return redirect("meldingen:photos")
    room = max(0, MAX_PHOTOS - len(existing))
    too_many = upload_limited(request)
    form = PhotoForm(
        request.POST if request.method == "POST" else None,
        None if too_many else request.FILES,
        room=room,
    )
    if too_many:
        form.add_error(None, UPLOAD_REFUSED)
    if request.method == "POST" and form.is_valid():
        for image in form.cleaned_data["sanitised"]:
            DraftPhoto(token=draft.data["token"]).store(image, thumbnail=False)
        return redirect("meldingen:details")
    duplicates = possible_duplicates(
        category=draft.category,
        lat=draft.data.get("lat"),
        lon=draft.data.get("lon"),
        postcode=draft.data.get("postcode", ""),
    )
    return render(
        request,
        "meldingen/step_photos.html",
        _step_context(
            3,
            draft,
            form=form,
            existing=existing,
            room=room,
            duplicates=duplicates,
            support_form=SupportForm(),
        ),
        status=429 if too_many else 200,
    )


def _draft_images(draft: Draft) -> list[SanitisedImage]:
    images = []
    for photo in draft.photos()[:MAX_PHOTOS]:
        with photo.image.open("rb") as handle:
            content = handle.read()
        is_png = photo.image.name.endswith(".png")
        images.append(
            SanitisedImage(
                content=content,
                format="PNG" if is_png else "JPEG",
                width=0,
                height=0,
                content_type="image/png" if is_png else "image/jpeg",
                extension="png" if is_png else "jpg",
            )
        )
    return images


@require_http_methods(["GET", "POST"])
def step_details(request):
    draft = Draft(request.session)
    if response := _need(draft, location=True):
        return response
    category = draft.category
    initial = {"keep_informed": True}
    if request.user.is_authenticated and not category.is_sensitive:
        initial["email"] = request.user.email
    kept = draft.recording()
    form = DetailsForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        kept=kept,
        sensitive=category.is_sensitive,
    )
    if request.method == "POST" and not form.is_valid():
        # A good recording is kept when something else was wrong: nobody speaks it twice.
        recording = form.cleaned_data.get("recording")
        if recording:
            draft.keep_recording(recording)
        elif kept is not None and form.cleaned_data.get("remove_recording"):
            draft.forget_recordings()
        if recording or form.cleaned_data.get("remove_recording"):
            # The same typed fields and their errors again, now offering the kept recording.
            form = DetailsForm(
                request.POST,
                initial=initial,
                kept=draft.recording(),
                sensitive=category.is_sensitive,
            )
    if request.method == "POST" and form.is_valid():
        kept = draft.recording()
        if caught_by_honeypot(form, where="melding"):
            # Pretend all went well, store nothing.
            draft.forget_recordings()
            draft.clear()
            return render(request, "meldingen/thanks_bot.html", status=200)
        if limited(request, "melding-submit", limit=SUBMIT_LIMIT[0], period=SUBMIT_LIMIT[1]):
            form.add_error(
                None,
                _("U heeft veel meldingen achter elkaar gedaan. Probeer het over een uur opnieuw."),
            )
        else:
            data = form.cleaned_data
            recording = data["recording"]
            if recording is None and kept is not None and not data.get("remove_recording"):
                recording = kept.checked()
            address = " ".join(
                filter(None, [draft.data.get("postcode"), draft.data.get("huisnummer")])
            )
            intake = Intake(
                category=category,
                description=data["description"],
                lat=draft.data.get("lat"),
                lon=draft.data.get("lon"),
                postcode=draft.data.get("postcode", ""),
                address=address,
                email=data["email"],
                phone=data["phone"],
                keep_informed=data["keep_informed"],
                recording=recording,
            )
            user = request.user if request.user.is_authenticated else None
            try:
                melding, secret = melding_create(
                    intake=intake, photos=_draft_images(draft), reporter=user
                )
            except (MeldingError, ValidationError) as error:
                form.add_error(None, error)
            else:
                for photo in draft.photos():
                    photo.delete_files()
                draft.photos().delete()
                draft.forget_recordings()
                draft.clear()
                request.session[f"melding-new-{melding.reference}"] = True
                return redirect("meldingen:follow", reference=melding.reference, secret=secret)
    return render(request, "meldingen/step_details.html", _step_context(4, draft, form=form))


@require_POST
def support(request, reference: str):
    melding = get_object_or_404(
        Melding.objects.public().open().select_related("category"), reference=reference
    )
    form = SupportForm(request.POST)
    if limited(request, "melding-support", limit=ANSWER_LIMIT[0], period=ANSWER_LIMIT[1]):
        messages.error(request, _("Te veel verzoeken. Probeer het later opnieuw."))
        return redirect("meldingen:photos")
    if form.is_valid():
        user = request.user if request.user.is_authenticated else None
        try:
            subscription = melding_support(
                melding=melding, user=user, email=form.cleaned_data["email"]
            )
        except MeldingError as error:
            messages.error(request, error.messages[0])
            return redirect("meldingen:photos")
        Draft(request.session).clear()
        return render(
            request,
            "meldingen/supported.html",
            {"melding": melding, "pending": subscription.confirmed_at is None},
        )
    messages.error(request, _("Dit e-mailadres klopt niet."))
    return redirect("meldingen:photos")
