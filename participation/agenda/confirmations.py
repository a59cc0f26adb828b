"""What the "was this you?" link in the first mail of an agenda registration means (see
common.signups): yes confirms the address, no cancels the registration."""

from django.utils.translation import gettext_lazy

from common.l10n import format_day


def _describe(registration) -> str:
    activity = registration.activity
    when = format_day(activity.starts_at, form="weekday")
    return f"{activity.title}, {when}"


def register_confirmations() -> None:
    from common.signups import register_signup_confirmation

    from .models import Registration
    from .services import REGISTRATION_CONFIRMATION, registration_cancel

    register_signup_confirmation(
        purpose=REGISTRATION_CONFIRMATION,
        queryset=lambda: Registration.objects.select_related("activity"),
        cancel=lambda registration: registration_cancel(registration=registration),
        describe=_describe,
        cancelled_message=gettext_lazy(
            "De aanmelding is geschrapt. Dit e-mailadres krijgt hierover niets meer."
        ),
    )
