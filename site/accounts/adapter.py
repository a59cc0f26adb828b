"""allauth adapter: new accounts get the role 'bewoner' and the language they signed up in;
allauth's mails get our one layout and sign-off."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

from common.clientip import client_ip
from common.feedback.language import current_language
from common.mailtext import render_mail
from common.notifications import notify

from . import roles


@dataclass(frozen=True)
class PlatformSite:
    """What allauth's emails call 'current_site': our name, not the bare host name."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits count the same visitor as ours (common/clientip.py)."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = getattr(self, "request", None)
        domain = request.get_host() if request is not None else "zuidwest"
        context = {"current_site": PlatformSite(name="Zuidwest", domain=domain), **context}
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix: str, email, context: dict, headers=None):
        """Like every mail of ours: one HTML template in notifications/base_email.html, the text
        part derived from it. A mail of allauth's that we did not write (account/email/
        *_message.html) keeps allauth's words, inside our layout."""
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        subject = self.format_email_subject(" ".join(subject.split()))
        request = context.get("request")
        context = {**context, "subject": subject, "base_url": settings.ZUIDWEST_BASE_URL}
        template_name = f"{template_prefix}_message.html"
        try:
            get_template(template_name)
        except TemplateDoesNotExist:
            allauth_text = render_to_string(f"{template_prefix}_message.txt", context, request)
            context["allauth_text"] = allauth_text.strip()
            template_name = "account/email/base_message.html"
        _title, text, html = render_mail(template_name, context, request)
        to = [email] if isinstance(email, str) else email
        message = EmailMultiAlternatives(subject, text, self.get_from_email(), to, headers=headers)
        message.attach_alternative(html, "text/html")
        return message

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # The language the resident signed up in becomes their account's language.
        user.preferred_language = current_language()
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
