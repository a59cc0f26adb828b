"""'Dit meld ik ook': following a report, double opt-in for a typed address."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from common.confirmation import mark_confirmed, send_confirmation

from ..models import Melding, Subscription
from .base import MeldingError

SUPPORT_CONFIRMATION = "melding-support"


@transaction.atomic
def melding_support(*, melding: Melding, user=None, email: str = "") -> Subscription:
    """'Dit meld ik ook': follow the report and count as a supporter. A signed-in resident
    counts at once. A typed address is double opt-in: it gets one confirmation mail (at most
    a few an hour, whoever asks) and counts and hears news only after following its link, so
    nobody can subscribe a stranger, nor inflate the count with made-up addresses."""
    if user is None and not email:
        raise MeldingError(_("Vul uw e-mailadres in om op de hoogte te blijven."))
    email = "" if user else email.strip().lower()
    subscription, created = Subscription.objects.get_or_create(
        melding=melding,
        user=user,
        email=email,
        defaults={"confirmed_at": timezone.now() if user else None},
    )
    if user is not None:
        if created:
            Melding.objects.filter(pk=melding.pk).update(supporters=F("supporters") + 1)
    elif subscription.confirmed_at is None:
        send_confirmation(
            event="melding_support_confirm",
            context={
                "title": melding.reference,
                "reference": melding.reference,
                "category": melding.category.name,
            },
            purpose=SUPPORT_CONFIRMATION,
            pk=subscription.pk,
            email=email,
            language=subscription.language,
        )
    return subscription


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """The link in the confirmation mail was followed: from now on it counts and hears news."""
    if mark_confirmed(subscription, field="confirmed_at"):
        Melding.objects.filter(pk=subscription.melding_id).update(supporters=F("supporters") + 1)
    subscription.refresh_from_db()
    return subscription


@transaction.atomic
def subscription_refuse(*, subscription: Subscription) -> None:
    """'Dit was ik niet': the address is taken off the report and hears nothing more."""
    locked = Subscription.objects.select_for_update().filter(pk=subscription.pk).first()
    if locked is None:
        return
    if locked.confirmed_at is not None:
        Melding.objects.filter(pk=locked.melding_id, supporters__gt=0).update(
            supporters=F("supporters") - 1
        )
    locked.delete()
