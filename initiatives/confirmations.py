"""What the "was this you?" link in the first mail of a spreekuur booking means (see
common.signups): yes confirms the address, no frees the slot."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.l10n import format_clock, format_day


def _describe(booking) -> str:
    when = f"{format_day(booking.slot_start, form='weekday')}, {format_clock(booking.slot_start)}"
    return _("een afspraak op het spreekuur initiatieven, %(when)s") % {"when": when}


def register_confirmations() -> None:
    from common.signups import register_signup_confirmation

    from .models import Booking
    from .services.spreekuren import BOOKING_CONFIRMATION, booking_refuse

    register_signup_confirmation(
        purpose=BOOKING_CONFIRMATION,
        queryset=lambda: Booking.objects.select_related("hour"),
        cancel=lambda booking: booking_refuse(booking=booking),
        describe=_describe,
        cancelled_message=gettext_lazy(
            "De afspraak is afgezegd. Dit e-mailadres krijgt hierover niets meer."
        ),
    )
