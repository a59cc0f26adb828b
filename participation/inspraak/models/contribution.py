"""A resident's reaction to a process, and who hears of the follow-up report."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.feedback.channel import InputChannel
from common.feedback.language import InputLanguage
from common.fields import optional_fk

from .process import Process


class Contribution(InputLanguage, InputChannel, models.Model):
    """A resident's reaction, given online or entered for them at the participatiewinkel's desk
    or on the phone (`channel`). Name and email are optional; with an email (or an
    account) they hear when the follow-up report is out."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="contributions")
    text = models.TextField(_("uw reactie"))
    name = models.CharField(_("naam"), max_length=120, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    user = optional_fk(settings.AUTH_USER_MODEL, related_name="process_contributions")
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)
    # A typed address hears of the follow-up report only after its owner followed the link
    # in the confirmation mail (double opt-in); an account's own address at once.
    email_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.process_id}: {self.text[:40]}"
