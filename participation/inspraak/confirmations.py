"""What the confirmation link after a reaction with a typed address means (see
common.confirmation): yes, send the follow-up report there; no, forget the address."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def register_confirmations() -> None:
    from common.confirmation import Confirmation, register_confirmation

    from .models import Contribution
    from .services import CONTRIBUTION_CONFIRMATION, contribution_refuse_email

    register_confirmation(
        Confirmation(
            purpose=CONTRIBUTION_CONFIRMATION,
            queryset=lambda: Contribution.objects.select_related("process"),
            refuse=lambda contribution: contribution_refuse_email(contribution=contribution),
            describe=lambda contribution: (
                _("een reactie op “%(title)s”") % {"title": contribution.process.title}
            ),
            confirmed_message=gettext_lazy(
                "Uw e-mailadres is bevestigd. Als het verslag klaar is, krijgt u een e-mail."
            ),
            refused_message=gettext_lazy(
                "Wij hebben uw e-mailadres weggehaald. U krijgt hierover geen e-mail."
            ),
        )
    )
