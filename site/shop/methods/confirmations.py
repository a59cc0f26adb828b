"""What the "was this you?" link in the receipt of an advice request means (see
common.confirmation): yes, send the answer there; no, the request goes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _lookup(pk: int):
    from .models import AdviceRequest

    return AdviceRequest.objects.filter(pk=pk).first()


def _confirm(advice_request) -> None:
    from .services import advice_request_confirm_email

    advice_request_confirm_email(advice_request=advice_request)


def _refuse(advice_request) -> None:
    from .services import advice_request_refuse

    advice_request_refuse(advice_request=advice_request)


def _describe(advice_request) -> str:
    return _("een vraag aan de participatiewinkel (%(reference)s)") % {
        "reference": advice_request.reference
    }


def register_advice_confirmation() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .services import ADVICE_CONFIRMATION

    register_confirmation(
        Confirmation(
            purpose=ADVICE_CONFIRMATION,
            lookup=_lookup,
            email_of=lambda advice_request: advice_request.email,
            confirm=_confirm,
            refuse=_refuse,
            describe=_describe,
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. Het antwoord krijgt u per e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben de vraag en dit e-mailadres verwijderd. U krijgt hierover niets meer."
            ),
        )
    )
