"""Spreekuren: brokers publish hours; residents book a slot without an account, get a cancel
link and an agenda file, a reminder the day before, and a slot is never booked twice."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from common.confirmation import mark_confirmed
from initiatives.models import Booking, ConsultationHour
from initiatives.services import (
    InitiativeError,
    booking_by_token,
    booking_create,
    booking_ics,
    bookings_send_reminders,
    consultation_hour_create,
)
from tests.common.at_once import at_once, race_test
from tests.initiatives.hours import next_week

pytestmark = pytest.mark.django_db


def book_form(hour, slot, **extra):
    data = {"slot": str(int(slot.timestamp())), "name": "Fatima", "email": "fatima@example.org"}
    data.update(extra)
    return data


def test_a_consultation_hour_is_cut_into_slots(hour):
    assert [timezone.localtime(s).strftime("%H:%M") for s in hour.slots()] == [
        "14:00",
        "14:20",
        "14:40",
    ]


def test_only_brokers_publish_hours_and_nonsense_is_refused(wijk_broker, resident):
    with pytest.raises(InitiativeError, match="initiatievenmakelaars"):
        consultation_hour_create(
            broker=resident, place="X", starts_at=next_week(9), ends_at=next_week(10)
        )
    with pytest.raises(InitiativeError, match="eindigen na het begin"):
        consultation_hour_create(
            broker=wijk_broker, place="X", starts_at=next_week(10), ends_at=next_week(9)
        )
    yesterday = timezone.now() - dt.timedelta(days=1)
    with pytest.raises(InitiativeError, match="voorbij"):
        consultation_hour_create(
            broker=wijk_broker,
            place="X",
            starts_at=yesterday,
            ends_at=yesterday + dt.timedelta(hours=1),
        )


def test_a_resident_books_without_an_account_and_cancels_by_the_link(
    client, hour, wijk_broker, django_capture_on_commit_callbacks
):
    slot = hour.slots()[1]
    page = client.get(reverse("initiatives:book", args=[hour.pk])).content.decode()
    assert "14:20" in page and "Buurthuis De Henneb" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("initiatives:book", args=[hour.pk]), book_form(hour, slot))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.user is None and booking.slot_start == slot
    confirmation = next(m for m in mail.outbox if m.to == ["fatima@example.org"])
    assert "14:20" in confirmation.subject
    assert response["Location"] in confirmation.body
    assert response["Location"] + "agenda.ics" in confirmation.body
    ((filename, invitation, mimetype),) = confirmation.attachments
    assert (filename, mimetype) == ("spreekuur.ics", "text/calendar")
    assert "BEGIN:VEVENT" in invitation and "STATUS:CONFIRMED" in invitation
    assert any(m.to == [wijk_broker.email] for m in mail.outbox)

    html = client.get(response["Location"]).content.decode()
    assert "Uw afspraak staat." in html and "Bevestigd" in html
    ics = client.get(response["Location"] + "agenda.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in ics.content.decode() and "Henneb" in ics.content.decode()

    client.post(response["Location"])
    booking.refresh_from_db()
    assert booking.cancelled_at is not None
    assert "Afgezegd" in client.get(response["Location"]).content.decode()
    # The slot is free again for someone else.
    again = client.get(reverse("initiatives:book", args=[hour.pk])).content.decode()
    assert f'value="{int(slot.timestamp())}"' in again


def test_a_booking_form_keeps_what_was_typed_and_explains_mistakes(client, hour):
    url = reverse("initiatives:book", args=[hour.pk])
    html = client.post(url, {"name": "Fatima", "email": "", "phone": "", "question": "Feest"})
    html = html.content.decode()
    assert "Kies een tijd." in html
    assert 'value="Fatima"' in html and "Feest" in html
    html = client.post(url, book_form(hour, hour.slots()[0], email="", phone="")).content.decode()
    assert "Vul een e-mailadres of telefoonnummer in" in html
    assert not Booking.objects.exists()


def test_a_slot_is_never_booked_twice(client, hour):
    slot = hour.slots()[0]
    booking_create(hour=hour, slot_start=slot, name="Eerste", phone="0612345678")
    with pytest.raises(InitiativeError, match="net door iemand anders"):
        booking_create(hour=hour, slot_start=slot, name="Tweede", phone="0687654321")
    html = client.post(reverse("initiatives:book", args=[hour.pk]), book_form(hour, slot))
    assert "niet meer vrij" in html.content.decode()
    assert Booking.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_thanked_logged_and_ignored(hour, honeypot):
    url = reverse("initiatives:book", args=[hour.pk])
    honeypot.assert_bot_thanked(url, book_form(hour, hour.slots()[0]), where="spreekuur")
    assert not Booking.objects.exists()


def test_a_reminder_goes_once_the_day_before(hour, django_capture_on_commit_callbacks):
    fatima, _token = booking_create(
        hour=hour, slot_start=hour.slots()[0], name="Fatima", email="fatima@example.org"
    )
    mark_confirmed(fatima)  # the reminder goes to a confirmed address only
    booking_create(hour=hour, slot_start=hour.slots()[1], name="Zonder mail", phone="0612345678")
    mail.outbox.clear()
    six_days_later = timezone.now() + dt.timedelta(days=6)
    assert bookings_send_reminders(now=timezone.now()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert bookings_send_reminders(now=six_days_later) == 1
        assert bookings_send_reminders(now=six_days_later) == 0
    (reminder,) = mail.outbox
    assert reminder.to == ["fatima@example.org"] and "Herinnering" in reminder.subject
    # The reminder carries its own way to cancel (the first mail's secret is stored nowhere).
    link = re.search(r"/initiatieven/spreekuren/afspraak/([^/\s]+)/", reminder.body)
    assert link, reminder.body
    token = link.group(1)
    assert token != _token and Client().get(link.group(0)).status_code == 200
    assert booking_by_token(token) == fatima
    assert booking_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None  # forged
    assert booking_by_token(f"{fatima.pk + 1}.{token.partition('.')[2]}") is None  # another row


def test_the_agenda_file_is_valid_icalendar(hour):
    booking, _token = booking_create(
        hour=hour, slot_start=hour.slots()[2], name="Fatima", email="f@example.org"
    )
    text = booking_ics(booking)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    start = booking.slot_start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in text and "LOCATION:Buurthuis De Henneb\\, Hengelolaan 1" in text


def test_brokers_publish_hours_in_the_workspace(client, wijk_broker, resident):
    client.force_login(wijk_broker)

    def publish(end: str):
        return client.post(
            "/beheer/initiatieven/spreekuren/",
            {
                "spreekuur-place": "Bibliotheek Escamp",
                "spreekuur-date": next_week(10).date().isoformat(),
                "spreekuur-start": "10:00",
                "spreekuur-end": end,
                "spreekuur-slot_minutes": "30",
            },
        )

    response = publish(end="09:00")
    assert "eindigen na het begin" in response.content.decode()
    assert "Bibliotheek Escamp" in response.content.decode()
    response = publish(end="11:00")
    assert response.status_code == 302
    assert ConsultationHour.objects.get().broker == wijk_broker
    assert "Bibliotheek Escamp" in client.get(reverse("initiatives:hours")).content.decode()


@race_test
def test_two_residents_clicking_the_same_slot_at_once(broker_factory):
    broker = broker_factory()
    hour = consultation_hour_create(
        broker=broker, place="Buurthuis", starts_at=next_week(14), ends_at=next_week(15)
    )
    slot = hour.slots()[0]

    def book(name):
        return lambda: booking_create(hour=hour, slot_start=slot, name=name, phone="0612345678")

    results = at_once(book("Ali"), book("Bea"))
    assert sorted(type(r).__name__ for r in results) == ["InitiativeError", "tuple"]
    assert Booking.objects.count() == 1


def test_the_scheduler_sends_tomorrows_reminders_once(
    wijk_broker, moerwijk, django_capture_on_commit_callbacks
):
    """`manage.py housekeeping` (every ten minutes) queues the initiatives job; a booking for
    tomorrow gets one reminder however often it runs."""
    from django.core.management import call_command

    from common.schedule import jobs

    assert "initiatives" in jobs()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    tz = timezone.get_current_timezone()
    soon = consultation_hour_create(
        broker=wijk_broker,
        wijk=moerwijk,
        place="Buurthuis De Henneb",
        starts_at=dt.datetime.combine(tomorrow, dt.time(14, 0), tzinfo=tz),
        ends_at=dt.datetime.combine(tomorrow, dt.time(15, 0), tzinfo=tz),
    )
    booking, _token = booking_create(
        hour=soon, slot_start=soon.slots()[0], name="Fatima", email="f@example.org"
    )
    mark_confirmed(booking)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("housekeeping", only=["initiatives"])
        call_command("housekeeping", only=["initiatives"])
    reminders = [m for m in mail.outbox if "Herinnering" in m.subject]
    assert [m.to for m in reminders] == [["f@example.org"]]
    assert Booking.objects.get().reminded_at is not None


def test_a_signed_in_resident_finds_and_cancels_a_booking_in_mijn_afspraken(
    client, hour, resident, resident_factory
):
    client.force_login(resident)
    assert "U heeft geen afspraken" in client.get(reverse("accounts:mijn")).content.decode()
    slot = hour.slots()[1]
    client.post(reverse("initiatives:book", args=[hour.pk]), book_form(hour, slot))
    booking = Booking.objects.get()
    assert booking.user == resident
    mijn = client.get(reverse("accounts:mijn")).content.decode()
    own_url = reverse("initiatives:my_booking", args=[booking.pk])
    assert "Mijn afspraken" in mijn and own_url in mijn and "Buurthuis De Henneb" in mijn
    assert "bevestigd" in mijn
    page = client.get(own_url).content.decode()
    assert "Afspraak afzeggen" in page and "Bevestigd" in page
    ics = client.get(reverse("initiatives:my_booking_ics", args=[booking.pk]))
    assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content

    # Someone else cannot see it, fetch its agenda file or cancel it.
    other = Client()
    other.force_login(resident_factory())
    assert other.get(own_url).status_code == 404
    assert other.post(own_url).status_code == 404
    assert other.get(reverse("initiatives:my_booking_ics", args=[booking.pk])).status_code == 404
    assert Client().get(own_url).status_code == 302  # to the login page
    booking.refresh_from_db()
    assert booking.cancelled_at is None

    client.post(own_url)
    booking.refresh_from_db()
    assert booking.cancelled_at is not None
    assert "afgezegd" in client.get(reverse("accounts:mijn")).content.decode()
    assert not hour.bookings.active().exists()  # the slot is free again


def test_bookings_are_in_the_data_export_and_go_with_the_account(hour, resident):
    from initiatives.account import erase_user_initiatives, export_user_initiatives

    booking_create(
        hour=hour, slot_start=hour.slots()[0], name="Fatima", phone="0612345678", user=resident
    )
    (exported,) = export_user_initiatives(resident)["spreekuur_bookings"]
    assert exported["place"] == "Buurthuis De Henneb" and exported["phone"] == "0612345678"
    erase_user_initiatives(resident)
    assert not Booking.objects.exists()


def test_an_appointment_that_has_been_cannot_be_cancelled(client, hour, resident):
    booking, token = booking_create(
        hour=hour, slot_start=hour.slots()[0], name="Fatima", phone="0612345678", user=resident
    )
    Booking.objects.filter(pk=booking.pk).update(slot_start=timezone.now() - dt.timedelta(hours=1))
    url = reverse("initiatives:booking", args=[token])
    assert "Afspraak afzeggen" not in client.get(url).content.decode()
    html = client.post(url, follow=True).content.decode()
    assert "al geweest" in html
    client.force_login(resident)
    own = reverse("initiatives:my_booking", args=[booking.pk])
    assert "al geweest" in client.post(own, follow=True).content.decode()
    booking.refresh_from_db()
    assert booking.cancelled_at is None
