"""What the "was this you?" link in the receipt of an advice request means (see
common.confirmation): yes, send the answer there; no, the request goes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def register_advice_confirmation() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .models import AdviceRequest
    from .services import ADVICE_CONFIRMATION, advice_request_confirm_email, advice_request_refuse

    register_confirmation(
        Confirmation(
            purpose=ADVICE_CONFIRMATION,
            queryset=AdviceRequest.objects.all,
            confirm=lambda item: advice_request_confirm_email(advice_request=item),
            refuse=lambda item: advice_request_refuse(advice_request=item),
            describe=lambda item: (
                _("een vraag aan de participatiewinkel (%(reference)s)")
                % {"reference": item.reference}
            ),
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. Het antwoord krijgt u per e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben de vraag en dit e-mailadres verwijderd. U krijgt hierover niets meer."
            ),
        )
    )
