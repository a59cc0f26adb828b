"""The account's own part of 'delete my account', registered last (accounts.apps): whatever the
apps' erasers did, the notifications to the person (by account or to one of their verified
addresses), their sessions, e-mail addresses and login codes, and the admin log's name for the
account go. Wagtail's user profile goes with the user row (a cascade)."""

import json
from importlib import import_module

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone

from common.models import Notification

from .exports import by_address, erasure_addresses, forget_log_entries

COVERS = [
    "accounts.User",
    "account.EmailAddress",
    "account.EmailConfirmation",  # cascades with EmailAddress
    "common.Notification",
    "sessions.Session",
    "wagtailusers.UserProfile",  # cascades with the user
    "wagtailcore.ModelLogEntry",  # the label of the account's own entries
]


def erase_account(user) -> None:
    addresses = erasure_addresses(user)
    Notification.objects.filter(by_address("email", addresses)).delete()
    Notification.objects.filter(user=user).delete()
    delete_sessions(user, addresses)
    EmailAddress.objects.filter(user=user).delete()  # its confirmations and login codes too
    forget_log_entries(type(user), [user.pk])


def delete_sessions(user, addresses: list[str]) -> int:
    """Sign the person out everywhere, and drop the sessions that hold one of their addresses
    (a pending login code, a draft report with contact data). Sessions are not indexed by user,
    so the live ones are read (erasure is rare; expired ones go with `clearsessions`)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store, DatabaseSessionStore):
        return 0  # cache or cookie sessions: they expire by themselves
    model = store.get_model_class()
    mine = []
    for key, data in (
        model.objects.filter(expire_date__gt=timezone.now())
        .values_list("session_key", "session_data")
        .iterator()
    ):
        decoded = store().decode(data)
        text = json.dumps(decoded, default=str).lower()
        if decoded.get("_auth_user_id") == str(user.pk) or any(a in text for a in addresses):
            mine.append(key)
    model.objects.filter(session_key__in=mine).delete()
    return len(mine)
