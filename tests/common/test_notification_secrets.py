"""No secret link is stored with a notification: follow, cancel, booking and invitation links
live only in the mail itself. Each flow below sends a real mail, then the stored rows are
searched for the secret, and the link in the mail is followed to show it still works."""

import datetime as dt
import re

import pytest
from django.core import mail, serializers
from django.urls import reverse
from django.utils import timezone

from common.models import Notification
from common.notifications import notify

pytestmark = pytest.mark.django_db


def stored_rows() -> str:
    return serializers.serialize("json", Notification.objects.all())


def link_in(message, prefix: str) -> str:
    """The path of the first link in the mail that starts with `prefix`."""
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s\"<)]*)", message.body)
    assert match, f"no {prefix} link in {message.body}"
    return match.group(1)


def assert_secret_only_in_the_mail(secret: str, message) -> None:
    assert secret in message.body and secret in message.alternatives[0][0]
    assert Notification.objects.exists()
    assert secret not in stored_rows()


def test_a_follow_link_is_in_the_mail_and_not_stored(client, new_report):
    melding, secret = new_report("lantaarnpaal")
    (message,) = mail.outbox
    assert_secret_only_in_the_mail(secret, message)
    notification = Notification.objects.get()
    assert notification.status == Notification.Status.SENT
    assert notification.context["reference"] == melding.reference  # the rest is kept
    page = client.get(link_in(message, "/melden/volg/"))
    assert page.status_code == 200 and melding.reference in page.content.decode()


def test_a_spreekuur_cancel_link_is_in_the_mail_and_not_stored(
    client, wijken, broker, django_capture_on_commit_callbacks
):
    from initiatives.models import Booking
    from initiatives.services import booking_create, consultation_hour_create

    day = timezone.localdate() + dt.timedelta(days=7)
    start = dt.datetime.combine(day, dt.time(14), tzinfo=timezone.get_current_timezone())
    hour = consultation_hour_create(
        broker=broker,
        wijk=wijken["moerwijk"],
        place="Buurthuis",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        slot_minutes=20,
    )
    with django_capture_on_commit_callbacks(execute=True):
        _booking, token = booking_create(
            hour=hour, slot_start=hour.slots()[0], name="Fatima", email="fatima@example.org"
        )
    message = next(m for m in mail.outbox if m.to == ["fatima@example.org"])
    assert_secret_only_in_the_mail(token, message)
    assert Notification.objects.filter(user=broker).exists()  # the broker's mail is kept too
    path = link_in(message, reverse("initiatives:booking", args=[token]))
    assert client.get(path).status_code == 200
    client.post(reverse("initiatives:booking", args=[token]))
    assert Booking.objects.get().cancelled_at is not None


def test_an_agenda_cancel_link_is_in_the_mail_and_not_stored_also_after_moving_up(
    client, wijken, django_capture_on_commit_callbacks
):
    from participation.agenda.factories import ActivityFactory
    from participation.agenda.models import Registration, RegistrationStatus
    from participation.agenda.services import registration_create

    activity = ActivityFactory(wijk=wijken["moerwijk"], capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first, first_token = registration_create(
            activity=activity, name="Fatima", email="fatima@example.org", phone=""
        )
        second, second_token = registration_create(
            activity=activity, name="Kees", email="kees@example.org", phone=""
        )
    confirmation = next(m for m in mail.outbox if m.to == ["fatima@example.org"])
    waiting = next(m for m in mail.outbox if m.to == ["kees@example.org"])
    assert_secret_only_in_the_mail(first_token, confirmation)
    assert_secret_only_in_the_mail(second_token, waiting)
    # the confirmation link of a typed address is a capability too: in the mail, not stored
    confirm_path = link_in(waiting, "/e-mail/bevestigen/")
    assert_secret_only_in_the_mail(confirm_path.rstrip("/").rsplit("/", 1)[-1], waiting)
    # only a confirmed address hears that a place came free: Kees says "Ja, dit was ik"
    client.post(confirm_path, {"antwoord": "ja"})

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(confirmation, "/agenda/aanmelding/"))
    second.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    moved_up = next(m for m in mail.outbox if m.to == ["kees@example.org"])
    new_path = link_in(moved_up, "/agenda/aanmelding/")
    new_token = new_path.rstrip("/").rsplit("/", 1)[-1]
    assert new_token != second_token
    assert_secret_only_in_the_mail(new_token, moved_up)
    assert client.get(new_path).status_code == 200
    assert Registration.objects.get(pk=first.pk).status == RegistrationStatus.CANCELLED


def test_an_invitation_link_is_in_the_mail_and_not_stored(
    client, resident, resident_factory, django_capture_on_commit_callbacks
):
    from initiatives.factories import InitiativeFactory
    from initiatives.services import initiative_invite

    initiative = InitiativeFactory(initiator=resident)
    with django_capture_on_commit_callbacks(execute=True):
        initiative_invite(initiative=initiative, actor=resident, email="buur@example.org")
    (message,) = mail.outbox
    path = link_in(message, "/initiatieven/")
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert_secret_only_in_the_mail(token, message)
    client.force_login(resident_factory(email="buur@example.org"))
    response = client.post(path)
    assert response["Location"] == reverse("initiatives:mine", args=[initiative.pk])


def test_a_skipped_message_keeps_no_secret(resident):
    notification = notify(
        event="wijk_news", context={}, secret_context={"follow_url": "/geheim/"}, user=resident
    )
    assert notification.status == Notification.Status.SKIPPED
    assert "geheim" not in stored_rows()


def test_housekeeping_forgets_the_links_of_a_mail_that_never_went_out(settings, resident):
    from common.notifications import forget_secrets

    settings.NOTIFICATIONS_ENABLED = False  # as if the mail server was down: nothing goes out
    links = {"follow_url": "/melden/volg/ZW-1/geheim/"}
    waiting = notify(event="welcome", context={}, secret_context=links, user=resident)
    assert waiting.secret_context == links  # kept for a retry for a few days
    now = timezone.now()
    assert forget_secrets(now=now) == 0
    later = now + dt.timedelta(days=Notification.SECRET_RETENTION_DAYS, minutes=1)
    assert forget_secrets(now=later) == 1
    assert "geheim" not in stored_rows()


def test_the_housekeeping_list_has_the_job():
    from common.schedule import jobs

    assert "notification-secrets" in jobs()
