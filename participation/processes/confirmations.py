"""What the confirmation link after a reaction with a typed address means (see
common.confirmation): yes, send the follow-up report there; no, forget the address."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def _lookup(pk: int):
    from .models import Contribution

    return Contribution.objects.select_related("process").filter(pk=pk).first()


def _confirm(contribution) -> None:
    from .services import contribution_confirm_email

    contribution_confirm_email(contribution=contribution)


def _refuse(contribution) -> None:
    from .services import contribution_refuse_email

    contribution_refuse_email(contribution=contribution)


def _describe(contribution) -> str:
    return _("een reactie op “%(title)s”") % {"title": contribution.process.title}


def register_confirmations() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .services import CONTRIBUTION_CONFIRMATION

    register_confirmation(
        Confirmation(
            purpose=CONTRIBUTION_CONFIRMATION,
            lookup=_lookup,
            email_of=lambda contribution: contribution.email,
            confirm=_confirm,
            refuse=_refuse,
            describe=_describe,
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. Als het verslag klaar is, krijgt u een e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben uw e-mailadres weggehaald. U krijgt hierover geen e-mail."
            ),
        )
    )
