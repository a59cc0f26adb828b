"""Confirming an email address that someone typed into a form. The platform must never become
a way to mail a stranger: a typed address that is not the person's own (signed-in, verified)
account gets one message that says plainly who asked and holds two links, "yes, that was me"
and "no, that was not me". Until the first link is followed the address gets nothing more.

The link carries a signed token (django.core.signing, so nothing secret is stored) that names
the purpose, the object and an HMAC of the address: changing the address on the object makes
old links useless, and the token expires after `MAX_AGE`. Apps register what a purpose means
(`register_confirmation`) in their AppConfig.ready(); one view (`common.urls`) answers every
link, without JavaScript and without an account. How often one address can be sent such a
message is limited (`confirmation_allowed`), against mail-bombing through our forms."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from .notifications import notify
from .ratelimit import limited_key

SALT = "common.confirmation"
MAX_AGE = 14 * 24 * 60 * 60  # seconds a link keeps working
MAILS_PER_ADDRESS = (3, 60 * 60)  # confirmation messages per address per hour


@dataclass(frozen=True)
class Confirmation:
    """What a purpose means. `queryset` holds the objects its links may point at (with an
    `email` field); `refuse` acts on "no, that was not me" and `describe` names the object for
    the page ("Taalcafé, 3 december"). `confirm` defaults to setting `email_confirmed_at`
    once (`mark_confirmed`). Both must be idempotent: people click twice."""

    purpose: str
    queryset: Callable[[], QuerySet]
    refuse: Callable[[object], None]
    describe: Callable[[object], str]
    confirmed_message: str
    refused_message: str
    confirm: Callable[[object], object] | None = None

    def lookup(self, pk: int):
        return self.queryset().filter(pk=pk).first()

    def do_confirm(self, target) -> None:
        (self.confirm or mark_confirmed)(target)


def mark_confirmed(instance, field: str = "email_confirmed_at") -> bool:
    """Record that the address of `instance` is confirmed; True only for the call that did it
    (one conditional UPDATE, so two clicks at once confirm once)."""
    done = (
        type(instance)
        ._default_manager.filter(pk=instance.pk, **{field: None})
        .update(**{field: timezone.now()})
    )
    return bool(done)


_purposes: dict[str, Confirmation] = {}


class ConfirmationError(Exception):
    """A link that is tampered with, expired or points at nothing; `message` is for people."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.message = message
        self.expired = expired


def register_confirmation(confirmation: Confirmation) -> None:
    _purposes[confirmation.purpose] = confirmation


def _digest(email: str) -> str:
    return salted_hmac(SALT, email.strip().lower()).hexdigest()[:20]


def confirmation_token(purpose: str, pk: int, email: str) -> str:
    return signing.dumps([purpose, pk, _digest(email)], salt=SALT, compress=True)


def confirmation_paths(purpose: str, pk: int, email: str) -> dict:
    """The link for a notification's context, as a path (the mail adds `base_url`)."""
    return {"confirm_url": reverse("common:confirm", args=[confirmation_token(purpose, pk, email)])}


def is_own_verified_address(user, email: str) -> bool:
    """True when `email` is a verified address of the signed-in `user`: no confirmation then."""
    from allauth.account.models import EmailAddress

    if user is None or not user.is_authenticated or not email:
        return False
    return EmailAddress.objects.filter(
        user=user, email__iexact=email.strip(), verified=True
    ).exists()


def confirmation_allowed(email: str) -> bool:
    """Count one confirmation message to `email`; False when it had enough this hour."""
    limit, period = MAILS_PER_ADDRESS
    return not limited_key(_digest(email), "confirmation-mail", limit=limit, period=period)


def with_confirmation(
    secret_context: dict, *, purpose: str, pk: int, email: str, confirmed: bool
) -> dict | None:
    """The `secret_context` of notify() for a first mail to a typed address: unchanged when the
    address is confirmed, with `confirm_url` (notifications/_typed_address.html) when not, and None
    when the address had enough confirmation mails this hour: then send nothing. The link is a
    capability, so it travels with the secrets that are forgotten once the mail is sent."""
    if confirmed:
        return secret_context
    if not confirmation_allowed(email):
        return None
    return {**secret_context, **confirmation_paths(purpose, pk, email)}


def send_confirmation(
    *, event: str, context: dict, purpose: str, pk: int, email: str, language: str | None = None
) -> bool:
    """The one mail a typed address gets before it is confirmed: `event`, with the links of
    `with_confirmation`, in `language` (the input's: the page the address was typed on).
    Nothing when the address had enough confirmation mails this hour; True when it was sent."""
    secrets = with_confirmation({}, purpose=purpose, pk=pk, email=email, confirmed=False)
    if secrets is None:
        return False
    notify(event=event, context=context, secret_context=secrets, email=email, language=language)
    return True


def read_token(token: str) -> tuple[Confirmation, object]:
    """The purpose and the object a link points at, or ConfirmationError with a Dutch reason."""
    from django.utils.translation import gettext as _

    try:
        purpose, pk, digest = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ConfirmationError(
            _("Deze link is verlopen. Vul het formulier op de website opnieuw in."), expired=True
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise ConfirmationError(
            _("Deze link klopt niet. Kopieer de hele link uit de e-mail, of klik er nog eens op.")
        ) from error
    confirmation = _purposes.get(purpose)
    target = confirmation.lookup(pk) if confirmation and isinstance(pk, int) else None
    if target is None or not constant_time_compare(_digest(target.email), digest):
        raise ConfirmationError(
            _("Wij kunnen niet meer vinden waar deze link bij hoort. Misschien is het afgemeld.")
        )
    return confirmation, target
