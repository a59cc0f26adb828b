"""What the "was this you?" link in the first mail of a spreekuur booking means (see
common.confirmation): yes confirms the address, no frees the slot."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _describe(booking) -> str:
    when = formats.date_format(timezone.localtime(booking.slot_start), "l j F Y, H:i")
    return _("een afspraak op het spreekuur initiatieven, %(when)s") % {"when": when}


def register_confirmations() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .models import Booking
    from .services.spreekuren import BOOKING_CONFIRMATION, booking_refuse

    register_confirmation(
        Confirmation(
            purpose=BOOKING_CONFIRMATION,
            queryset=lambda: Booking.objects.select_related("hour"),
            refuse=lambda booking: booking_refuse(booking=booking),
            describe=_describe,
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. U krijgt de dag ervoor een herinnering."
            ),
            refused_message=gettext_lazy(
                "De afspraak is afgezegd. Dit e-mailadres krijgt hierover niets meer."
            ),
        )
    )
