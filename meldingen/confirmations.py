"""What the confirmation link of "dit meld ik ook" means (see common.confirmation)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.confirmation import Confirmation, register_confirmation


def _lookup(pk: int):
    from .models import Subscription

    return Subscription.objects.select_related("melding").filter(pk=pk, user=None).first()


def _confirm(subscription) -> None:
    from .services import subscription_confirm

    subscription_confirm(subscription=subscription)


def _refuse(subscription) -> None:
    from .services import subscription_refuse

    subscription_refuse(subscription=subscription)


def _describe(subscription) -> str:
    return _("melding %(reference)s volgen (“Dit meld ik ook”)") % {
        "reference": subscription.melding.reference
    }


def register_confirmations() -> None:
    from .services import SUPPORT_CONFIRMATION

    register_confirmation(
        Confirmation(
            purpose=SUPPORT_CONFIRMATION,
            lookup=_lookup,
            email_of=lambda subscription: subscription.email,
            confirm=_confirm,
            refuse=_refuse,
            describe=_describe,
            confirmed_message=gettext_lazy(
                "U volgt deze melding nu. Als er nieuws is, krijgt u een e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben uw e-mailadres weggehaald. U krijgt over deze melding geen e-mail."
            ),
        )
    )
