"""What the confirmation link of "dit meld ik ook" means (see common.confirmation)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.confirmation import Confirmation, register_confirmation


def register_confirmations() -> None:
    from .models import Subscription
    from .services import SUPPORT_CONFIRMATION, subscription_confirm, subscription_refuse

    register_confirmation(
        Confirmation(
            purpose=SUPPORT_CONFIRMATION,
            queryset=lambda: Subscription.objects.select_related("melding").filter(user=None),
            confirm=lambda sub: subscription_confirm(subscription=sub),
            refuse=lambda sub: subscription_refuse(subscription=sub),
            describe=lambda sub: (
                _("melding %(reference)s volgen (“Dit meld ik ook”)")
                % {"reference": sub.melding.reference}
            ),
            confirmed_message=gettext_lazy(
                "U volgt deze melding nu. Als er nieuws is, krijgt u een e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben uw e-mailadres weggehaald. U krijgt over deze melding geen e-mail."
            ),
        )
    )
