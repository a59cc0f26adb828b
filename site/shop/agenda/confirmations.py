"""What the "was this you?" link in the first mail of an agenda registration means (see
common.confirmation): yes confirms the address, no cancels the registration."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy


def _lookup(pk: int):
    from .models import Registration

    return Registration.objects.select_related("activity").filter(pk=pk).first()


def _confirm(registration) -> None:
    from .services import registration_confirm_email

    registration_confirm_email(registration=registration)


def _refuse(registration) -> None:
    from .services import registration_cancel

    registration_cancel(registration=registration)


def _describe(registration) -> str:
    activity = registration.activity
    when = formats.date_format(timezone.localtime(activity.starts_at), "l j F Y")
    return f"{activity.title}, {when}"


def register_confirmations() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .services import REGISTRATION_CONFIRMATION

    register_confirmation(
        Confirmation(
            purpose=REGISTRATION_CONFIRMATION,
            lookup=_lookup,
            email_of=lambda registration: registration.email,
            confirm=_confirm,
            refuse=_refuse,
            describe=_describe,
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. U krijgt de dag ervoor een herinnering."
            ),
            refused_message=gettext_lazy(
                "De aanmelding is geschrapt. Dit e-mailadres krijgt hierover niets meer."
            ),
        )
    )
