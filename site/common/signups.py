"""A resident's place at something held on a day (a spreekuur slot, an agenda activity), taken
with or without an account: who (a name and an e-mail address or a phone number), the hash of
the token in the cancel link (common.feedback.secrets), and when it was cancelled, when the
reminder went and when a typed address was confirmed (common.confirmation). The modules add
what the place is for and who it belongs to."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .feedback.language import InputLanguage

# What the "yes, that was me" link of a sign-up's first mail unlocks.
REMINDER_FOLLOWS = _("Uw e-mailadres is bevestigd. U krijgt de dag ervoor een herinnering.")


class SignUp(InputLanguage, models.Model):
    name = models.CharField(_("naam"), max_length=80)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    cancel_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # A typed address gets the first mail (with "was this you?") and no reminder until its
    # owner follows the link; an account's own verified address is confirmed at once.
    email_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        # A subclass with constraints of its own lists these first (*SignUp.Meta.constraints).
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="", phone=""), name="%(class)s_has_email_or_phone"
            ),
        ]


def new_signup(*, name: str, email: str, phone: str, user) -> tuple[dict, str]:
    """The fields a new SignUp starts with, and the secret of its cancel link (shown and mailed
    once; only its hash is kept). The person as typed, without stray spaces; the account only
    when signed in; an account's own verified address counts as confirmed at once."""
    from .confirmation import is_own_verified_address
    from .feedback.secrets import hash_secret, new_secret

    user = user if user is not None and user.is_authenticated else None
    email = email.strip().lower()
    token = new_secret()
    fields = {
        "name": name.strip(),
        "email": email,
        "phone": phone.strip(),
        "user": user,
        "cancel_token_hash": hash_secret(token),
        "email_confirmed_at": timezone.now() if is_own_verified_address(user, email) else None,
    }
    return fields, token


def register_signup_confirmation(*, purpose: str, queryset, cancel, describe, cancelled_message):
    """What the "was this you?" link in the first mail of a sign-up means (common.confirmation):
    yes confirms the address, so the reminder may go; no cancels the sign-up (`cancel` takes
    it), so the place is free again and the address hears nothing more."""
    from .confirmation import Confirmation, register_confirmation

    register_confirmation(
        Confirmation(
            purpose=purpose,
            queryset=queryset,
            refuse=cancel,
            describe=describe,
            confirmed_message=REMINDER_FOLLOWS,
            refused_message=cancelled_message,
        )
    )
