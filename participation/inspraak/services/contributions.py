"""A resident's reaction to a process, and the "dit was ik niet" answer to its confirmation."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.confirmation import is_own_verified_address, with_confirmation
from common.feedback.channel import Channel
from common.feedback.language import current_language, supported_language
from common.notifications import notify

from ..models import Contribution, Process
from .base import ProcessError, dutch_url

CONTRIBUTION_CONFIRMATION = "inspraak-reaction"


@transaction.atomic
def contribution_create(
    *,
    process: Process,
    text: str,
    name: str = "",
    email: str = "",
    user=None,
    language: str = "",
    channel: str = Channel.ONLINE,
) -> Contribution:
    """Keep a reaction. It counts at once; a typed address without an account gets one
    confirmation mail and hears of the follow-up report only once it is confirmed. `language`
    is the resident's (empty: the request's); the desk enters `channel` balie or telefoon."""
    text = (text or "").strip()
    if not text:
        raise ProcessError(_("Schrijf eerst uw reactie."))
    if not process.is_open_for_reactions():
        raise ProcessError(_("Reageren op dit traject kan nu niet (meer)."))
    email = email.strip().lower()
    user = user if user is not None and user.is_authenticated else None
    own = is_own_verified_address(user, email)
    contribution = Contribution.objects.create(
        process=process,
        text=text,
        name=name.strip(),
        email=email,
        user=user,
        email_confirmed_at=timezone.now() if own else None,
        language=supported_language(language) if language else current_language(),
        channel=channel,
    )
    if email and user is None:  # with an account, the report goes to the account
        secrets = with_confirmation(
            {}, purpose=CONTRIBUTION_CONFIRMATION, pk=contribution.pk, email=email, confirmed=False
        )
        if secrets is not None:
            notify(
                event="process_reaction_confirm",
                context={
                    "title": process.title,
                    "url": dutch_url(process),
                    "name": contribution.name,
                },
                secret_context=secrets,
                email=email,
                language=contribution.language,
            )
    return contribution


@transaction.atomic
def contribution_refuse_email(*, contribution: Contribution) -> None:
    """'Dit was ik niet': the reaction stays (it is about the neighbourhood, not the address),
    the address is removed and hears nothing."""
    Contribution.objects.filter(pk=contribution.pk).update(email="", email_confirmed_at=None)
