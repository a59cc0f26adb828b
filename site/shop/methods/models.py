"""Requests for personal advice ("vraag persoonlijk advies"): every request gets a reference, an
answer deadline in working days, and an answer by email from the participatiewinkel staff."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from common.feedback.deadlines import Deadlines, Promised
from common.feedback.language import InputLanguage
from common.fields import optional_fk

from . import workflow
from .workflow import AdviceStatus

REFERENCE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I, 2/Z, 5/S, 8/B: read aloud


def new_reference() -> str:
    return "AV-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


# The promise of an advice request (common/feedback/deadlines.py): an answer by `deadline`.
DEADLINES = Deadlines(promise="deadline", answered_at="answered_at", waiting=workflow.OPEN)


class AdviceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=AdviceStatus.OPEN)

    def overdue(self, now=None):
        return self.filter(DEADLINES.overdue_q(now))


class AdviceRequest(InputLanguage, Promised, models.Model):
    reference = models.CharField(_("kenmerk"), max_length=12, unique=True, default=new_reference)
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    question = models.TextField(_("vraag"), max_length=2000)
    user = optional_fk(settings.AUTH_USER_MODEL, _("account"), related_name="advice_requests")
    answers = models.JSONField(_("antwoorden op de vragenlijst"), default=dict, blank=True)
    answers_text = models.TextField(_("antwoorden op de vragenlijst"), blank=True)
    result_url = models.CharField(_("link naar het advies"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AdviceStatus.choices, default=AdviceStatus.OPEN
    )
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    deadline = models.DateTimeField(_("antwoord uiterlijk"))
    answer = models.TextField(
        _("antwoord"),
        blank=True,
        help_text=_(
            "Schrijf in eenvoudige taal. Het antwoord gaat per e-mail naar de vraagsteller zodra "
            "u opslaat."
        ),
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    # A typed address gets the receipt (with "was this you?") and the answer only after its
    # owner followed the link; an account's own verified address is confirmed at once.
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    answered_by = optional_fk(settings.AUTH_USER_MODEL, _("beantwoord door"), related_name="+")

    objects = AdviceRequestQuerySet.as_manager()
    deadlines = DEADLINES

    class Meta:
        verbose_name = _("adviesvraag")
        verbose_name_plural = _("adviesvragen")
        ordering = ["deadline"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.reference} – {self.name}"


register_snippet(AdviceRequest, viewset="shop.methods.staff.advice_requests.AdviceRequestViewSet")
