"""Who follows a report (supporters, and the reporters of merged reports) and the reporter's
verdict on the outcome."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from common.feedback.language import InputLanguage
from common.fields import optional_fk

from .melding import Melding


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)


class Subscription(InputLanguage, models.Model):
    """Someone who follows a report: a supporter ("dit meld ik ook") or, after a merge, the
    reporter of the merged report."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="subscriptions")
    user = optional_fk(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # A typed address follows the report (and counts as a supporter) only once its owner
    # followed the link in the confirmation mail; an account's own address at once.
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "user"], condition=~Q(user=None), name="one_sub_per_user"
            ),
            models.UniqueConstraint(
                fields=["melding", "email"], condition=~Q(email=""), name="one_sub_per_email"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.user_id or self.email}"


class Feedback(models.Model):
    """The reporter's answer to "Is het opgelost?"."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="feedback")
    satisfied = models.BooleanField()
    reason = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.melding_id}: {'ja' if self.satisfied else 'nee'}"
