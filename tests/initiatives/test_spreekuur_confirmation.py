"""A spreekuur booking with a typed address: the first mail says who asked and offers one link
to cancel; the reminder goes only to a confirmed address; an account's own address needs no
confirmation."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Booking
from initiatives.services import bookings_send_reminders, consultation_hour_create, free_slots
from tests.common.mailbox import mails_to

pytestmark = pytest.mark.django_db

TYPED = "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest, voor: een afspraak"


@pytest.fixture
def hour(wijk_broker, moerwijk):
    day = timezone.localdate() + dt.timedelta(days=7)
    start = dt.datetime.combine(day, dt.time(14), tzinfo=timezone.get_current_timezone())
    return consultation_hour_create(
        broker=wijk_broker,
        wijk=moerwijk,
        place="Buurthuis De Henneb",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
    )


def book(client, hour, email="fatima@example.org"):
    slot = hour.slots()[0]
    return client.post(
        reverse("initiatives:book", args=[hour.pk]),
        {"slot": str(int(slot.timestamp())), "name": "Fatima", "email": email},
    )


def remind(hour):
    return bookings_send_reminders(now=hour.starts_at - dt.timedelta(days=1))


def test_a_typed_address_gets_the_first_mail_and_the_reminder_only_after_confirming(
    client, hour, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert book(client, hour).status_code == 302
    (first,) = mails_to("fatima@example.org")
    assert TYPED in first.body
    link = confirm_link("fatima@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(hour) == 0
    client.post(link, {"antwoord": "ja"})
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(hour) == 1
    assert mails_to("fatima@example.org")


def test_not_me_frees_the_slot(client, hour, confirm_link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        book(client, hour)
    page = client.post(confirm_link("fatima@example.org"), {"antwoord": "nee"})
    assert "De afspraak is afgezegd" in page.content.decode()
    assert Booking.objects.get().cancelled_at is not None
    assert hour.slots()[0] in free_slots(hour)


def test_a_signed_in_residents_own_address_needs_no_confirmation(
    client, hour, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        book(client, hour, email=resident.email)
    (first,) = mails_to(resident.email)
    assert "/e-mail/bevestigen/" not in first.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(hour) == 1
