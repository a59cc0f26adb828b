"""A broker changes where and when their own spreekuur is, or cancels it: booked appointments
never move, a new place and a cancellation are mailed to each booked resident in their own
language, and another broker can do neither (a coordinator can)."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from common.confirmation import mark_confirmed
from common.models import Notification
from initiatives.models import Booking, ConsultationHour
from initiatives.services import (
    InitiativeError,
    booking_create,
    consultation_hour_cancel,
    consultation_hour_update,
)
from tests.initiatives.hours import next_week

pytestmark = pytest.mark.django_db


def book(hour, index: int, *, language="nl", confirmed=True, **person):
    person = person or {"name": "Fatima", "email": f"bewoner{index}@example.org"}
    booking, _token = booking_create(hour=hour, slot_start=hour.slots()[index], **person)
    Booking.objects.filter(pk=booking.pk).update(language=language)
    if confirmed and booking.email:
        mark_confirmed(booking)
    booking.refresh_from_db()
    return booking


def change_form(**changes) -> dict:
    data = {
        "spreekuur-place": "Buurthuis De Henneb",
        "spreekuur-address": "Hengelolaan 1",
        "spreekuur-date": next_week(14).date().isoformat(),
        "spreekuur-start": "14:00",
        "spreekuur-end": "15:00",
        "spreekuur-note": "",
    }
    data.update({f"spreekuur-{key}": value for key, value in changes.items()})
    return data


def urls(hour) -> tuple[str, str]:
    base = f"/beheer/initiatieven/spreekuren/{hour.pk}/"
    return base + "wijzigen/", base + "afzeggen/"


def test_a_broker_changes_an_unbooked_hour_freely(client, hour, wijk_broker):
    client.force_login(wijk_broker)
    change, _cancel = urls(hour)
    overview = client.get("/beheer/initiatieven/spreekuren/").content.decode()
    assert change in overview
    assert 'value="Buurthuis De Henneb"' in client.get(change).content.decode()
    response = client.post(change, change_form(place="Bibliotheek Escamp", start="10:00"))
    assert response.status_code == 302
    hour.refresh_from_db()
    assert hour.place == "Bibliotheek Escamp"
    assert timezone.localtime(hour.starts_at).strftime("%H:%M") == "10:00"
    assert not mail.outbox


def test_times_may_not_drop_a_booked_slot_but_may_change_around_it(client, hour, wijk_broker):
    book(hour, 1)  # 14:20
    client.force_login(wijk_broker)
    change, _cancel = urls(hour)
    html = client.post(change, change_form(start="14:40")).content.decode()
    assert "Er is al een afspraak om 14:20" in html
    hour.refresh_from_db()
    assert timezone.localtime(hour.starts_at).strftime("%H:%M") == "14:00"
    # Longer, around the booked slot (the same grid): allowed, and nobody needs a mail.
    mail.outbox.clear()
    assert client.post(change, change_form(start="13:40", end="16:00")).status_code == 302
    hour.refresh_from_db()
    assert timezone.localtime(hour.ends_at).strftime("%H:%M") == "16:00"
    assert Booking.objects.get().slot_start == next_week(14, 20)
    assert not mail.outbox


def test_a_new_place_is_mailed_to_the_booked_in_their_language(
    client, hour, wijk_broker, django_capture_on_commit_callbacks
):
    book(hour, 0, language="tr")
    book(hour, 1, name="Zonder mail", phone="0612345678")
    mail.outbox.clear()
    client.force_login(wijk_broker)
    change, _cancel = urls(hour)
    page = client.get(change).content.decode()
    assert "Er zijn 2 afspraken" in page and "krijgt 1 inwoner" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change, change_form(place="Bibliotheek Escamp", address=""))
    assert response.status_code == 302
    (notification,) = Notification.objects.filter(event="initiative_booking_moved")
    assert notification.language == "tr" and notification.email == "bewoner0@example.org"
    assert notification.context["old_place"] == "Buurthuis De Henneb"
    (message,) = mail.outbox
    assert message.to == ["bewoner0@example.org"] and "Bibliotheek Escamp" in message.body
    assert '<html lang="tr"' in message.alternatives[0][0]


def test_the_cancel_screen_counts_who_is_told_and_cancelling_mails_each_in_their_language(
    client, hour, wijk_broker, django_capture_on_commit_callbacks
):
    book(hour, 0, language="pl")
    book(hour, 1, language="ar")
    book(hour, 2, name="Bel mij", phone="0612345678")
    mail.outbox.clear()
    client.force_login(wijk_broker)
    _change, cancel = urls(hour)
    screen = client.get(cancel).content.decode()
    assert "2 inwoners krijgen een e-mail" in screen
    assert "Bel deze inwoner zelf" in screen and "0612345678" in screen
    hour.refresh_from_db()
    assert not hour.is_cancelled  # the screen alone changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel, follow=True)
    assert "2 inwoners krijgen een e-mail" in response.content.decode()
    hour.refresh_from_db()
    assert hour.is_cancelled and not hour.bookings.active().exists()
    sent = Notification.objects.filter(event="initiative_booking_hour_cancelled")
    assert sorted(sent.values_list("language", flat=True)) == ["ar", "pl"]
    assert sorted(m.to[0] for m in mail.outbox) == ["bewoner0@example.org", "bewoner1@example.org"]
    assert all("STATUS:CANCELLED" in m.attachments[0][1] for m in mail.outbox)
    html = {m.to[0]: m.alternatives[0][0] for m in mail.outbox}
    assert '<html lang="pl"' in html["bewoner0@example.org"]
    assert '<html lang="ar" dir="rtl"' in html["bewoner1@example.org"]
    # Gone from the public list and from the workspace's planned hours.
    assert client.get(cancel).status_code == 404


def test_another_broker_can_neither_change_nor_cancel_a_coordinator_can(
    hour, broker_factory, coordinator, django_capture_on_commit_callbacks
):
    book(hour, 0)
    other = Client()
    other.force_login(broker_factory())
    change, cancel = urls(hour)
    assert change not in other.get("/beheer/initiatieven/spreekuren/").content.decode()
    assert other.get(change).status_code == 404
    assert other.post(change, change_form(place="Elders")).status_code == 404
    assert other.post(cancel).status_code == 404
    hour.refresh_from_db()
    assert hour.place == "Buurthuis De Henneb" and not hour.is_cancelled
    with pytest.raises(InitiativeError, match="van een collega"):
        consultation_hour_cancel(hour=hour, actor=broker_factory())

    coordinator_client = Client()
    coordinator_client.force_login(coordinator)
    assert "1 inwoner krijgt een e-mail" in coordinator_client.get(cancel).content.decode()
    assert coordinator_client.post(change, change_form(place="Elders")).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator_client.post(cancel).status_code == 302
    hour.refresh_from_db()
    assert hour.place == "Elders" and hour.is_cancelled


def test_the_services_refuse_others_and_past_or_cancelled_hours(hour, broker_factory, resident):
    kwargs = {
        "place": "Elders",
        "address": "",
        "starts_at": hour.starts_at,
        "ends_at": hour.ends_at,
    }
    for stranger in (broker_factory(), resident):
        with pytest.raises(InitiativeError, match="van een collega"):
            consultation_hour_update(hour=hour, actor=stranger, **kwargs)
    assert consultation_hour_cancel(hour=hour, actor=hour.broker) == 0
    with pytest.raises(InitiativeError, match="gaat al niet door"):
        consultation_hour_update(hour=hour, actor=hour.broker, **kwargs)
    ConsultationHour.objects.filter(pk=hour.pk).update(is_cancelled=False)
    ConsultationHour.objects.filter(pk=hour.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    with pytest.raises(InitiativeError, match="al voorbij"):
        consultation_hour_cancel(hour=hour, actor=hour.broker)
