"""The two things that happen to a request for personal advice: it is asked, and it is answered.
Each writes its row and queues the email in one transaction (DESIGN.md, the feedback loop)."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.confirmation import is_own_verified_address, mark_confirmed, with_confirmation
from common.feedback.late import tell_staff_late
from common.l10n import format_day
from common.notifications import notify
from common.workdays import AMSTERDAM, add_working_days

from . import workflow
from .models import DEADLINES, AdviceRequest
from .rules import ADVICE_ROLES
from .workflow import AdviceStatus

DEFAULT_WORKING_DAYS = 5
ADVICE_CONFIRMATION = "advice-request"


class AdviceRequestError(Exception):
    pass


def _deadline_text(deadline: dt.datetime, language: str) -> str:
    return format_day(deadline.astimezone(AMSTERDAM).date(), language, "weekday")


def advice_request_create(
    *,
    name: str,
    email: str,
    question: str,
    language: str,
    answers: dict | None = None,
    answers_text: str = "",
    result_url: str = "",
    user=None,
    working_days: int = DEFAULT_WORKING_DAYS,
    now: dt.datetime | None = None,
) -> AdviceRequest:
    now = now or timezone.now()
    with transaction.atomic():
        advice_request = AdviceRequest.objects.create(
            name=name,
            email=email,
            question=question,
            language=language,
            answers=answers or {},
            answers_text=answers_text,
            result_url=result_url,
            user=user if user is not None and user.is_authenticated else None,
            created_at=now,
            email_confirmed_at=now if is_own_verified_address(user, email) else None,
            deadline=add_working_days(now, working_days),
        )
        secrets = with_confirmation(
            {},
            purpose=ADVICE_CONFIRMATION,
            pk=advice_request.pk,
            email=advice_request.email,
            confirmed=advice_request.email_confirmed_at is not None,
        )
        if secrets is not None:
            notify(
                event="advice_received",
                email=email,
                language=language,
                context={
                    "title": advice_request.reference,
                    "name": name,
                    "reference": advice_request.reference,
                    "question": question,
                    "deadline": _deadline_text(advice_request.deadline, language),
                    "result_url": result_url,
                },
                secret_context=secrets,
            )
    return advice_request


def advice_request_answer(*, advice_request: AdviceRequest, answer: str, actor) -> AdviceRequest:
    answer = answer.strip()
    if not answer:
        raise AdviceRequestError(_("Schrijf eerst een antwoord."))
    with transaction.atomic():
        locked = AdviceRequest.objects.select_for_update().get(pk=advice_request.pk)
        if not workflow.may_answer(locked.status):
            raise AdviceRequestError(_("Deze vraag is al beantwoord."))
        locked.status = AdviceStatus.BEANTWOORD
        locked.answer = answer
        locked.answered_at = timezone.now()
        locked.answered_by = actor
        locked.save(update_fields=["status", "answer", "answered_at", "answered_by"])
        if locked.email_confirmed_at is not None:
            _send_answer(locked)
    return locked


def _send_answer(advice_request: AdviceRequest) -> None:
    notify(
        event="advice_answered",
        email=advice_request.email,
        language=advice_request.language,
        context={
            "title": advice_request.reference,
            "name": advice_request.name,
            "reference": advice_request.reference,
            "question": advice_request.question,
            "answer": advice_request.answer,
            "result_url": advice_request.result_url,
        },
    )


@transaction.atomic
def advice_request_confirm_email(*, advice_request: AdviceRequest) -> AdviceRequest:
    """The owner of the address followed the link; an answer written meanwhile goes now."""
    # Locked, so an answer saved at this moment is sent exactly once: here or by the answer.
    locked = AdviceRequest.objects.select_for_update().get(pk=advice_request.pk)
    if mark_confirmed(locked) and workflow.is_answered(locked.status):
        _send_answer(locked)
    return locked


def advice_request_refuse(*, advice_request: AdviceRequest) -> None:
    """'Dit was ik niet': someone used a stranger's address; the request goes, with it."""
    AdviceRequest.objects.filter(pk=advice_request.pk, email_confirmed_at=None).delete()


def advice_tell_staff_late(*, now=None) -> int:
    """The coordinators hear when an advice request falls late, once per request
    (common/feedback/late.py); the request stays late in the inbox until it is answered."""

    # The same people for every late request: asked once, when the first one is told.
    users = get_user_model().objects.filter(is_active=True, groups__name__in=ADVICE_ROLES)
    users = users.distinct()

    def coordinators(_request):
        return users

    def context(advice_request):
        return {
            "title": advice_request.reference,
            "reference": advice_request.reference,
            "url": reverse("wagtailsnippets_shop_advicerequest:edit", args=[advice_request.pk]),
        }

    return tell_staff_late(
        AdviceRequest.objects.all(),
        DEADLINES,
        event="advice_late_staff",
        recipients=coordinators,
        context=context,
        now=now,
    )
