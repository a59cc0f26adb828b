"""One way to tell a resident something: `notify()` records the message and, after the
transaction commits, a background task renders it in the recipient's language and sends it.
Each event is one template, templates/notifications/<event>.html: its <title> is the subject and
the plain-text part is derived from it (common/mailtext.py)."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from .feedback.language import context_in_reader_language, reader_text, supported_language
from .mailtext import render_mail
from .models import Notification
from .realtime import publish_event, user_group

# Which preference switches an event off. Events not listed (account security, answers to
# something the resident asked) are always sent.
EVENT_PREFERENCE = {
    "wijk_news": "notify_wijk_news",
    "status_update": "notify_updates",
    "melding_status": "notify_updates",
    "melding_overdue": "notify_updates",
    "melding_expected": "notify_updates",
}


def _language_for(user, language: str | None) -> str:
    """The language asked for, else the account's own, else Dutch."""
    return supported_language(language, getattr(user, "preferred_language", None))


def notify(
    *,
    event: str,
    context: dict,
    user=None,
    email: str | None = None,
    language: str | None = None,
    attachments: list[tuple[str, str, str]] | None = None,
    secret_context: dict | None = None,
) -> Notification:
    """Queue a message about `event` to a user or to a bare email address (a resident without
    an account). `context` must be JSON-serialisable: it is rendered when the task runs and is
    kept, so residents can see what we told them. Anything that carries a secret (a follow,
    cancel, booking or invitation link) goes in `secret_context` instead: it is rendered the
    same way but forgotten as soon as the mail is sent (or skipped), see `forget_secrets()`.
    `attachments` are text files as (filename, content, mimetype), e.g. an iCal invitation;
    they are kept too, so they must not carry a secret."""
    if user is None and not email:
        raise ValueError("notify() needs a user or an email address.")
    address = email or user.email
    lang = _language_for(user, language)
    preference = EVENT_PREFERENCE.get(event)
    wants = user is None or preference is None or getattr(user, preference, True)
    notification = Notification.objects.create(
        user=user,
        email=address,
        event=event,
        language=lang,
        context=context,
        secret_context=(secret_context or {}) if wants else {},
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments or []
        ],
        status=Notification.Status.QUEUED if wants else Notification.Status.SKIPPED,
    )
    if wants and settings.NOTIFICATIONS_ENABLED:
        from .tasks import send_notification

        transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    if user is not None:
        publish_event(
            user_group(user.pk),
            "notification",
            {"event": event, "id": notification.pk, "title": _title(context, lang)},
        )
    return notification


def _title(context: dict, language: str) -> str:
    with translation.override(language):
        return reader_text(context.get("title", ""))


def render_notification(notification: Notification) -> tuple[str, str, str]:
    """Subject, plain text and HTML of a notification, in its language; a staff member's
    message in it machine-translated into that language when a translation was made
    (common.translation), with the original beside it."""
    from .translation.services import apply_to_context

    context = {
        **apply_to_context(notification.context, notification.language),
        **(notification.secret_context or {}),
        "base_url": settings.ZUIDWEST_BASE_URL,
        "recipient_name": getattr(notification.user, "display_name", "") or "",
    }
    with translation.override(notification.language):
        # Names and labels kept in every language (common.feedback.language) in the reader's.
        return render_mail(
            f"notifications/{notification.event}.html", context_in_reader_language(context)
        )


def deliver(notification: Notification) -> None:
    from django.core.mail import EmailMultiAlternatives

    from .translation.services import prepare_mail

    prepare_mail(notification)
    subject, text, html = render_notification(notification)
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[notification.email]
    )
    message.attach_alternative(html, "text/html")
    for attachment in notification.attachments or []:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send()
    Notification.objects.filter(pk=notification.pk).update(
        subject=subject[:200],
        status=Notification.Status.SENT,
        sent_at=timezone.now(),
        error="",
        secret_context={},
    )


def forget_secrets(*, now: dt.datetime | None = None) -> int:
    """Drop the secret links of messages that did not go out within SECRET_RETENTION_DAYS
    (failed, or waiting while sending is off). Sent and skipped messages never keep them."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=Notification.SECRET_RETENTION_DAYS)
    return (
        Notification.objects.filter(created_at__lt=cutoff)
        .exclude(secret_context={})
        .update(secret_context={})
    )
