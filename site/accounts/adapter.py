"""allauth adapter: new accounts get the role 'bewoner' and the language they signed up in."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.models import Group
from django.utils.translation import get_language

from common.notifications import notify

from . import roles


@dataclass(frozen=True)
class PlatformSite:
    """What allauth's emails call 'current_site': our name, not the bare host name."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = getattr(self, "request", None)
        domain = request.get_host() if request is not None else "zuidwest"
        context = {"current_site": PlatformSite(name="Zuidwest", domain=domain), **context}
        super().send_mail(template_prefix, email, context)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = (get_language() or "nl")[:2]
        if language in {"nl", "en"}:
            user.preferred_language = language
        if commit:
            user.save()
            group, _created = Group.objects.get_or_create(name=roles.BEWONER)
            user.groups.add(group)
        return user

    def confirm_email(self, request, email_address):
        """The first confirmed address completes sign-up: welcome the resident."""
        first = (
            not email_address.verified
            and not type(email_address)
            .objects.filter(user=email_address.user, verified=True)
            .exists()
        )
        confirmed = super().confirm_email(request, email_address)
        if first and confirmed:
            notify(event="welcome", context={"title": "welcome"}, user=email_address.user)
        return confirmed
