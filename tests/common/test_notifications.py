import pytest
from django.core import mail
from django.db import transaction

from common.models import Notification
from common.notifications import notify

pytestmark = pytest.mark.django_db


def test_a_notification_is_sent_after_commit_in_the_recipients_language(
    resident, django_capture_on_commit_callbacks
):
    resident.preferred_language = "en"
    resident.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notify(event="welcome", context={}, user=resident)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    for callback in callbacks:
        callback()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email]
    assert message.subject == "Welcome to Zuidwest"
    assert "Mijn Zuidwest" in message.body
    html = message.alternatives[0][0]
    assert html.startswith("<!DOCTYPE html>") and "Welcome" in html
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.subject == "Welcome to Zuidwest"


def test_dutch_is_the_default(resident, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="welcome", context={}, user=resident)
    assert mail.outbox[0].subject == "Welkom bij Zuidwest"


def test_nothing_is_sent_when_the_transaction_rolls_back(resident):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        notify(event="welcome", context={}, user=resident)
        raise Abort
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_a_bare_email_address_can_be_notified(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(event="welcome", context={}, email="melder@example.org", language="en")
    assert mail.outbox[0].to == ["melder@example.org"]
    assert mail.outbox[0].subject == "Welcome to Zuidwest"


def test_a_preference_switches_optional_news_off(resident, django_capture_on_commit_callbacks):
    assert resident.notify_wijk_news is False
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(event="wijk_news", context={}, user=resident)
    assert mail.outbox == []
    assert notification.status == Notification.Status.SKIPPED


def test_notify_needs_a_recipient():
    with pytest.raises(ValueError):
        notify(event="welcome", context={})


def test_the_language_is_the_one_asked_for_then_the_accounts_then_dutch(resident):
    """One definition of the site's languages (common.feedback.language.supported_language):
    a regional variant counts as its language, one the site does not speak is passed over."""
    resident.preferred_language = "tr"
    resident.save()

    def language(**kwargs):
        return notify(event="welcome", context={}, **kwargs).language

    assert language(user=resident, language="pl") == "pl"
    assert language(user=resident, language="en-GB") == "en"
    assert language(user=resident, language="de") == "tr"
    assert language(user=resident) == "tr"
    assert language(email="melder@example.org", language="de") == "nl"
    assert language(email="melder@example.org") == "nl"
