"""What neighbours do with a published initiative: give steun, and sign up to help."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.feedback.language import InputLanguage

from .initiative import Initiative


class Support(InputLanguage, models.Model):
    """One steun per account per initiative: a database constraint, not a count-then-insert."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_supports"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("steun")
        verbose_name_plural = _("steun")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="one_support_per_account")
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.user_id}"


class Volunteer(InputLanguage, models.Model):
    """'Ik doe mee'. The initiator sees the contact details only when the volunteer agreed."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="volunteers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="initiative_volunteering"
    )
    name = models.CharField(_("naam"), max_length=80)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    message = models.TextField(_("wat wilt u doen?"), blank=True)
    share_contact = models.BooleanField(_("contactgegevens delen"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vrijwilliger")
        verbose_name_plural = _("vrijwilligers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"], name="one_volunteer_signup_per_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.name}"
