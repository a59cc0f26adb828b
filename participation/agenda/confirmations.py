"""What the "was this you?" link in the first mail of an agenda registration means (see
common.confirmation): yes confirms the address, no cancels the registration."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy


def _describe(registration) -> str:
    activity = registration.activity
    when = formats.date_format(timezone.localtime(activity.starts_at), "l j F Y")
    return f"{activity.title}, {when}"


def register_confirmations() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .models import Registration
    from .services import REGISTRATION_CONFIRMATION, registration_cancel

    register_confirmation(
        Confirmation(
            purpose=REGISTRATION_CONFIRMATION,
            queryset=lambda: Registration.objects.select_related("activity"),
            refuse=lambda registration: registration_cancel(registration=registration),
            describe=_describe,
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. U krijgt de dag ervoor een herinnering."
            ),
            refused_message=gettext_lazy(
                "De aanmelding is geschrapt. Dit e-mailadres krijgt hierover niets meer."
            ),
        )
    )
