"""Reading the test outbox (locmem): what went to one address."""

from django.core import mail


def mails_to(address: str) -> list:
    """The messages in the outbox with `address` among their recipients, oldest first."""
    return [m for m in mail.outbox if address in m.to]
