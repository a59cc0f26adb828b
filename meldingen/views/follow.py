"""The reporter's status page, by its secret link or via Mijn Zuidwest: follow the report, answer
a question, say whether it was solved."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.feedback.language import current_language
from common.feedback.secrets import link_matches
from common.ratelimit import UPLOAD_REFUSED, limited, upload_limited

from .. import workflow
from ..forms import FeedbackForm, ReplyForm, SendLinkForm
from ..models import Melding, Photo
from ..services import (
    MeldingError,
    feedback_refusal,
    melding_feedback,
    melding_reporter_reply,
    melding_send_follow_link,
)
from ..services.base import FOLLOW

ANSWER_LIMIT = (30, 60 * 60)  # answers, verdicts and supports per client per hour
LINK_LIMIT = (5, 60 * 60)  # follow links mailed on request, per client per hour


def _follow_target(request, reference: str, secret: str | None) -> Melding:
    melding = get_object_or_404(
        Melding.objects.select_related("category", "wijk", "merged_into"), reference=reference
    )
    if secret is not None and link_matches(secret, melding.secret_hash, purpose=FOLLOW):
        return melding
    if secret is None and request.user.is_authenticated and melding.reporter_id == request.user.pk:
        return melding
    raise Http404


@require_http_methods(["GET", "POST"])
def follow(request, reference: str, secret: str | None = None):
    """The reporter's status page: by secret link, or via Mijn Zuidwest when logged in."""
    melding = _follow_target(request, reference, secret)
    reply_form = ReplyForm(prefix="reply")
    feedback_form = FeedbackForm(prefix="feedback")
    # By the secret link only: the signed-in reporter has Mijn Zuidwest to come back to.
    link_form = SendLinkForm(prefix="link") if secret else None
    too_many = False
    if request.method == "POST" and secret and "link-email" in request.POST:
        link_form = SendLinkForm(request.POST, prefix="link")
        if limited(request, "melding-link", limit=LINK_LIMIT[0], period=LINK_LIMIT[1]):
            link_form.add_error(None, _("Te veel verzoeken. Probeer het later opnieuw."))
            too_many = True
        elif link_form.is_valid():
            melding_send_follow_link(
                melding=melding,
                email=link_form.cleaned_data["email"],
                language=current_language(),
            )
            messages.success(request, _("Wij hebben de link gestuurd. Kijk in uw e-mail."))
            return redirect(request.path)
    elif request.method == "POST":
        if limited(request, "melding-answer", limit=ANSWER_LIMIT[0], period=ANSWER_LIMIT[1]):
            messages.error(request, _("Te veel verzoeken. Probeer het later opnieuw."))
        elif "reply-text" in request.POST:
            reply_form = ReplyForm(request.POST, prefix="reply")
            if reply_form.is_valid():
                try:
                    melding_reporter_reply(melding=melding, text=reply_form.cleaned_data["text"])
                except MeldingError as error:
                    reply_form.add_error(None, error)
                else:
                    messages.success(request, _("Bedankt. Uw antwoord is verstuurd."))
                    return redirect(request.path)
        else:
            too_many = upload_limited(request)
            files = None if too_many else request.FILES
            feedback_form = FeedbackForm(request.POST, files, prefix="feedback")
            if too_many:
                feedback_form.add_error(None, UPLOAD_REFUSED)
            if feedback_form.is_valid():
                data = feedback_form.cleaned_data
                try:
                    melding_feedback(
                        melding=melding,
                        satisfied=data["satisfied"],
                        reason=data["reason"],
                        text=data["text"],
                        photo=data.get("photo"),
                    )
                except MeldingError as error:
                    feedback_form.add_error(None, error)
                else:
                    messages.success(request, _("Bedankt voor uw reactie."))
                    return redirect(request.path)
    history = list(melding.history.all())
    photos = list(melding.photos.all())
    is_new = request.session.pop(f"melding-new-{melding.reference}", False)
    return render(
        request,
        "meldingen/follow.html",
        {
            "melding": melding,
            "secret": secret,
            "history": history,
            "photos": [p for p in photos if p.kind != Photo.Kind.AFTER],
            "after_photos": [p for p in photos if p.kind == Photo.Kind.AFTER],
            "link_form": link_form,
            "reply_form": reply_form
            if melding.status == workflow.Status.REACTIE_GEVRAAGD
            else None,
            "feedback_form": None if feedback_refusal(melding) else feedback_form,
            "is_new": is_new,
            "follow_url": request.build_absolute_uri(request.path),
            # By the secret link, or for the signed-in reporter by the reference alone.
            "ws_path": f"/ws/melding/{melding.reference}/{secret + '/' if secret else ''}",
        },
        status=429 if too_many else 200,
    )


def follow_photo(request, reference: str, photo_id: int, secret: str | None = None, size=""):
    melding = _follow_target(request, reference, secret)
    return get_object_or_404(Photo, pk=photo_id, melding=melding).serve(size)


def my_melding(request, reference: str):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    return follow(request, reference, None)
