"""A registration for an activity: a place, or a place on the waiting list."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.feedback.channel import InputChannel
from common.fields import optional_fk
from common.signups import SignUp

from ..workflow import Status
from .activity import Activity

# The states of a registration and the moves between them: workflow.py.
RegistrationStatus = Status


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(SignUp, InputChannel):
    """A place at an activity, or on its waiting list (the name, the contact details, the cancel
    link and the reminder are a SignUp's)."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("activiteit"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    user = optional_fk(settings.AUTH_USER_MODEL, related_name="activity_registrations")
    # The second link, mailed when a waiting registration moves up (we cannot mail the first).
    moved_up_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    moved_up_at = models.DateTimeField(null=True, blank=True)
    # Until a typed address is confirmed, nothing more goes to it: no reminder, and no news of
    # a place from the waiting list either.

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            *SignUp.Meta.constraints,
            # One active registration per person and activity, even when they click twice.
            models.UniqueConstraint(
                fields=["activity", "email"],
                condition=~Q(email="") & ~Q(status="afgemeld"),
                name="one_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["activity", "user"],
                condition=Q(user__isnull=False) & ~Q(status="afgemeld"),
                name="one_registration_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.activity_id} ({self.get_status_display()})"
