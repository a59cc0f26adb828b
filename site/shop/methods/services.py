"""The two things that happen to a request for personal advice: it is asked, and it is answered.
Each writes its row and queues the email in one transaction (DESIGN.md, the feedback loop)."""

import datetime as dt

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from common.notifications import notify
from common.workdays import AMSTERDAM, add_working_days

from .models import TRANSITIONS, AdviceRequest, AdviceStatus

DEFAULT_WORKING_DAYS = 5


class AdviceRequestError(Exception):
    pass


def _deadline_text(deadline: dt.datetime, language: str) -> str:
    with translation.override(language):
        return formats.date_format(deadline.astimezone(AMSTERDAM).date(), "l j F Y")


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
            deadline=add_working_days(now, working_days),
        )
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
        )
    return advice_request


def advice_request_answer(*, advice_request: AdviceRequest, answer: str, actor) -> AdviceRequest:
    answer = answer.strip()
    if not answer:
        raise AdviceRequestError(_("Schrijf eerst een antwoord."))
    with transaction.atomic():
        locked = AdviceRequest.objects.select_for_update().get(pk=advice_request.pk)
        if AdviceStatus.BEANTWOORD not in TRANSITIONS[AdviceStatus(locked.status)]:
            raise AdviceRequestError(_("Deze vraag is al beantwoord."))
        locked.status = AdviceStatus.BEANTWOORD
        locked.answer = answer
        locked.answered_at = timezone.now()
        locked.answered_by = actor
        locked.save(update_fields=["status", "answer", "answered_at", "answered_by"])
        notify(
            event="advice_answered",
            email=locked.email,
            language=locked.language,
            context={
                "title": locked.reference,
                "name": locked.name,
                "reference": locked.reference,
                "question": locked.question,
                "answer": answer,
                "result_url": locked.result_url,
            },
        )
    return locked
