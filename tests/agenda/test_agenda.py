"""The agenda: residents find activities per wijk and type, register with or without an
account, land on a waiting list when it is full, move up when someone cancels (and are told),
get a reminder the day before, and put activities in their own calendar."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from common.confirmation import mark_confirmed
from common.schedule import jobs
from participation.agenda import activities_between
from participation.agenda.factories import ActivityFactory, in_days
from participation.agenda.models import Activity, ActivityType, Registration, RegistrationStatus
from participation.agenda.services import (
    AgendaError,
    registration_by_token,
    registration_cancel,
    registration_cancel_by_token,
    registration_create,
    registrations_send_reminders,
)
from tests.common.at_once import at_once, race_test

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(moerwijk):
    return ActivityFactory(wijk=moerwijk, title="Ontwerpsessie speeltuin", capacity=1)


def form(**extra):
    data = {"name": "Fatima", "email": "fatima@example.org", "phone": ""}
    data.update(extra)
    return data


def mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_a_resident_registers_without_an_account_gets_the_ics_and_cancels_by_the_link(
    client, activity, django_capture_on_commit_callbacks
):
    url = reverse("shop:activity", args=[activity.pk])
    html = client.get(url).content.decode()
    assert "Ontwerpsessie speeltuin" in html and "Nog 1 plaats vrij" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.user is None
    # Only a hash of the secret is stored.
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert token not in registration.cancel_token_hash and len(registration.cancel_token_hash) == 64

    (confirmation,) = mails_to("fatima@example.org")
    assert "U bent aangemeld" in confirmation.subject
    assert response["Location"] in confirmation.body
    ((filename, invitation, mimetype),) = confirmation.attachments
    assert (filename, mimetype) == ("activiteit.ics", "text/calendar")
    assert "BEGIN:VEVENT" in invitation and "SUMMARY:Ontwerpsessie speeltuin" in invitation

    page = client.get(response["Location"]).content.decode()
    assert "U bent aangemeld." in page and "Aangemeld" in page
    client.post(response["Location"])
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert "Afgemeld" in client.get(response["Location"]).content.decode()
    assert "Nog 1 plaats vrij" in client.get(url).content.decode()


def test_a_full_activity_puts_the_next_on_the_waiting_list_who_moves_up_on_cancellation(
    activity, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, first_token = registration_create(activity=activity, name="Ali", email="a@x.nl")
        second, second_token = registration_create(activity=activity, name="Bea", email="b@x.nl")
        third, _token = registration_create(activity=activity, name="Cor", phone="0612345678")
    assert first.status == RegistrationStatus.CONFIRMED
    assert second.status == third.status == RegistrationStatus.WAITING
    (waiting_mail,) = mails_to("b@x.nl")
    assert "wachtlijst" in waiting_mail.subject and "nummer 1" in waiting_mail.body
    assert not waiting_mail.attachments
    mark_confirmed(second)  # news of a place needs a confirmed address

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel_by_token(token=first_token)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED and second.moved_up_at is not None
    assert third.status == RegistrationStatus.WAITING  # only one place came free
    activity.refresh_from_db()
    assert (activity.confirmed_count, activity.waiting_count) == (1, 1)
    (told,) = mails_to("b@x.nl")
    assert "Er is plaats voor u" in told.subject
    assert told.attachments[0][0] == "activiteit.ics"
    # The moved-up resident gets a working cancel link in the mail; the first still works.
    link = next(line for line in told.body.splitlines() if "/agenda/aanmelding/" in line)
    token = link.rstrip(")/").rsplit("/", 1)[-1]  # "afmelden (https://.../token/)"
    assert token != second_token
    assert registration_by_token(second_token).pk == registration_by_token(token).pk == second.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert registration_cancel_by_token(token=token).pk == second.pk
    third.refresh_from_db()
    assert third.status == RegistrationStatus.CONFIRMED


def test_cancelling_twice_or_a_waiting_place_does_not_move_anyone_up(activity):
    _first, token = registration_create(activity=activity, name="Ali", email="a@x.nl")
    _waiting, waiting_token = registration_create(activity=activity, name="Bea", email="b@x.nl")
    last, _t = registration_create(activity=activity, name="Cor", email="c@x.nl")
    registration_cancel_by_token(token=waiting_token)
    last.refresh_from_db()
    assert last.status == RegistrationStatus.WAITING
    registration_cancel_by_token(token=token)
    registration_cancel_by_token(token=token)
    assert set(activity.registrations.confirmed().values_list("name", flat=True)) == {"Cor"}
    with pytest.raises(AgendaError, match="bestaat niet"):
        registration_cancel_by_token(token="nonsense")


def test_the_waiting_position_shows_on_the_registration_page(client, activity):
    registration_create(activity=activity, name="Ali", email="a@x.nl")
    registration_create(activity=activity, name="Bea", email="b@x.nl")
    url = reverse("shop:activity", args=[activity.pk])
    html = client.get(url).content.decode()
    assert "Vol" in html and "Zet mij op de wachtlijst" in html
    response = client.post(url, form())
    html = client.get(response["Location"]).content.decode()
    assert "U staat op de wachtlijst." in html and "nummer 2 op de wachtlijst" in html


def test_bad_input_is_explained_and_kept(client, activity):
    url = reverse("shop:activity", args=[activity.pk])
    html = client.post(url, form(email="", phone="")).content.decode()
    assert "Vul een e-mailadres of telefoonnummer in" in html and 'value="Fatima"' in html
    html = client.post(url, form(name="", email="geen-mail")).content.decode()
    assert "Vul uw naam in." in html and "Dit e-mailadres klopt niet" in html
    assert 'value="geen-mail"' in html
    assert not Registration.objects.exists()


def test_the_same_person_cannot_take_two_places(client, activity):
    activity.capacity = 5
    activity.save()
    url = reverse("shop:activity", args=[activity.pk])
    client.post(url, form())
    html = client.post(url, form(email="Fatima@Example.org")).content.decode()
    assert "U bent al aangemeld" in html
    assert Registration.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_thanked_logged_and_ignored(activity, honeypot):
    honeypot.assert_bot_thanked(
        reverse("shop:activity", args=[activity.pk]), form(), where="agenda"
    )
    assert not Registration.objects.exists()


def test_public_registration_is_rate_limited(client, moerwijk):
    many = ActivityFactory(wijk=moerwijk, capacity=None)
    url = reverse("shop:activity", args=[many.pk])
    for n in range(10):
        assert client.post(url, form(email=f"p{n}@x.nl")).status_code == 302
    html = client.post(url, form(email="p11@x.nl")).content.decode()
    assert "Probeer het later" in html
    assert Registration.objects.count() == 10


def test_no_registration_for_past_unpublished_or_walk_in_activities(client, moerwijk):
    past = ActivityFactory(wijk=moerwijk, starts_at=in_days(-1), ends_at=in_days(-1, 16))
    with pytest.raises(AgendaError, match="al begonnen"):
        registration_create(activity=past, name="A", email="a@x.nl")
    hidden = ActivityFactory(wijk=moerwijk, is_published=False)
    assert client.get(reverse("shop:activity", args=[hidden.pk])).status_code == 404
    with pytest.raises(AgendaError, match="bestaat niet"):
        registration_create(activity=hidden, name="A", email="a@x.nl")
    walk_in = ActivityFactory(wijk=moerwijk, type=ActivityType.INLOOP, registration_open=False)
    html = client.get(reverse("shop:activity", args=[walk_in.pk])).content.decode()
    assert "Kom gewoon langs" in html and 'name="name"' not in html


def test_a_resident_with_an_account_registers_and_cancels_from_the_activity_page(
    client, activity, resident_factory
):
    resident = resident_factory(email="sara@example.org")
    other = resident_factory()
    client.force_login(resident)
    url = reverse("shop:activity", args=[activity.pk])
    assert 'value="sara@example.org"' in client.get(url).content.decode()
    client.post(url, form(email="sara@example.org"))
    registration = Registration.objects.get()
    assert registration.user == resident
    assert "U bent aangemeld. Tot dan!" in client.get(url).content.decode()
    mijn = client.get(reverse("accounts:mijn")).content.decode()
    assert "Mijn aanmeldingen" in mijn and "Ontwerpsessie speeltuin" in mijn

    client.force_login(other)
    assert client.post(reverse("shop:activity_cancel", args=[activity.pk])).status_code == 404
    client.force_login(resident)
    client.post(reverse("shop:activity_cancel", args=[activity.pk]))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    client.logout()
    response = client.post(reverse("shop:activity_cancel", args=[activity.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_export_and_erasure_of_an_account(activity, resident_factory):
    from accounts.exports import erasers, exporters

    resident = resident_factory()
    mine, _t = registration_create(activity=activity, name="Sara", email="s@x.nl", user=resident)
    waiting, _t = registration_create(activity=activity, name="Bea", email="b@x.nl")
    exported = exporters()["agenda"](resident)
    assert exported["registrations"][0]["activity"] == "Ontwerpsessie speeltuin"
    assert exported["registrations"][0]["email"] == "s@x.nl"
    erasers()["agenda"](resident)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.user is None and mine.email == "" and mine.name != "Sara"
    assert mine.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED  # their place went to the next


def test_a_reminder_goes_once_the_day_before(activity, django_capture_on_commit_callbacks):
    activity.capacity = 3
    activity.save()
    fatima, _token = registration_create(
        activity=activity, name="Fatima", email="fatima@example.org"
    )
    mark_confirmed(fatima)
    registration_create(activity=activity, name="Zonder mail", phone="0612345678")
    _cancelled, token = registration_create(activity=activity, name="Weg", email="weg@x.nl")
    registration_cancel_by_token(token=token)
    mail.outbox.clear()
    assert registrations_send_reminders(now=timezone.now()) == 0
    six_days_later = timezone.now() + dt.timedelta(days=6)
    with django_capture_on_commit_callbacks(execute=True):
        assert registrations_send_reminders(now=six_days_later) == 1
        assert registrations_send_reminders(now=six_days_later) == 0
    (reminder,) = mail.outbox
    assert reminder.to == ["fatima@example.org"] and "Herinnering" in reminder.subject
    assert "agenda-reminders" in jobs()
    # The reminder carries its own link to cancel: it opens Fatima's registration, not another.
    path = reverse("shop:registration", args=["TOKEN"]).replace("TOKEN/", "")
    token = re.search(re.escape(path) + r"([^/\s]+)/", reminder.body).group(1)
    assert token != _token
    assert registration_by_token(token) == fatima
    assert registration_by_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
    registration_cancel_by_token(token=token)
    fatima.refresh_from_db()
    assert fatima.status == RegistrationStatus.CANCELLED


def test_the_agenda_lists_upcoming_published_activities_filtered_by_wijk_and_type(client, wijken):
    ActivityFactory(wijk=wijken["moerwijk"], title="Taalcafé Moerwijk", type=ActivityType.TAALCAFE)
    ActivityFactory(
        wijk=wijken["bouwlust"], title="Wijkforum Bouwlust", type=ActivityType.WIJKFORUM
    )
    ActivityFactory(wijk=wijken["moerwijk"], title="Verborgen", is_published=False)
    ActivityFactory(
        wijk=wijken["moerwijk"], title="Voorbij", starts_at=in_days(-2), ends_at=in_days(-2, 16)
    )
    html = client.get(reverse("shop:agenda")).content.decode()
    assert "Taalcafé Moerwijk" in html and "Wijkforum Bouwlust" in html
    assert "Verborgen" not in html and "Voorbij" not in html
    html = client.get(reverse("shop:agenda"), {"wijk": "moerwijk"}).content.decode()
    assert "Taalcafé Moerwijk" in html and "Wijkforum Bouwlust" not in html
    assert "/agenda/moerwijk.ics" in html
    html = client.get(reverse("shop:agenda"), {"soort": "wijkforum"}).content.decode()
    assert "Wijkforum Bouwlust" in html and "Taalcafé Moerwijk" not in html
    # Nonsense in the query string is ignored, not an error.
    response = client.get(reverse("shop:agenda"), {"wijk": "atlantis", "pagina": "x"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_the_agenda_costs_the_same_queries_for_5_or_50_activities(
    client, moerwijk, count, django_assert_num_queries
):
    for n in range(count):
        activity = ActivityFactory(wijk=moerwijk, starts_at=in_days(1 + n % 20))
        if n % 3 == 0:
            registration_create(activity=activity, name="A", email=f"a{n}@x.nl")
    client.get(reverse("shop:agenda"))  # warm the session and the site root cache
    with django_assert_num_queries(4):  # chosen wijk, count, page, wijken in the filter
        response = client.get(reverse("shop:agenda"), {"wijk": "moerwijk", "pagina": "2"})
    assert response.status_code == 200
    assert ("Pagina 2 van 3" in response.content.decode()) == (count == 50)


def test_ical_per_activity_and_a_feed_per_wijk(client, wijken):
    here = ActivityFactory(wijk=wijken["moerwijk"], title="Wijkschouw, met koffie")
    ActivityFactory(wijk=wijken["bouwlust"], title="Elders")
    ActivityFactory(wijk=wijken["moerwijk"], title="Concept", is_published=False)
    response = client.get(reverse("shop:activity_ics", args=[here.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "SUMMARY:Wijkschouw\\, met koffie" in text and f"UID:activity-{here.pk}@" in text
    feed = client.get("/agenda/moerwijk.ics")
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    text = feed.content.decode()
    assert "X-WR-CALNAME:Agenda Moerwijk" in text and "Wijkschouw" in text
    assert "Elders" not in text and "Concept" not in text
    assert client.get("/agenda/atlantis.ics").status_code == 404


def test_activities_between_serves_the_participation_calendar(wijken):
    moerwijk, bouwlust = wijken["moerwijk"], wijken["bouwlust"]
    inside = ActivityFactory(wijk=moerwijk, starts_at=in_days(3), audience="ouderen")
    ActivityFactory(wijk=moerwijk, starts_at=in_days(30))
    ActivityFactory(wijk=bouwlust, starts_at=in_days(3))
    ActivityFactory(wijk=moerwijk, starts_at=in_days(4), is_published=False)
    (item,) = activities_between([moerwijk.pk], in_days(0), in_days(10))
    assert item.pk == inside.pk and item.wijk_name == "Moerwijk" and item.audience == "ouderen"
    assert item.url == reverse("shop:activity", args=[inside.pk])
    assert len(activities_between(None, in_days(0), in_days(10))) == 2


def test_coordinators_and_editors_plan_activities_residents_cannot(
    client, moerwijk, coordinator, editor, resident
):
    list_url = reverse("wagtailsnippets_agenda_activity:list")
    add_url = reverse("wagtailsnippets_agenda_activity:add")
    client.force_login(resident)
    assert client.get(list_url).status_code == 403  # the refusal page, not the back office
    client.force_login(editor)
    assert client.get(list_url).status_code == 200
    client.force_login(coordinator)
    start = in_days(5)
    data = {
        "type": "wijkforum",
        "wijk": moerwijk.pk,
        "title": "Wijkforum Moerwijk",
        "description": "Praat mee.",
        "place": "Buurthuis",
        "address": "",
        "starts_at": timezone.localtime(start).strftime("%Y-%m-%d %H:%M"),
        "ends_at": timezone.localtime(start - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "capacity": "30",
        "registration_open": "on",
        "organiser": "Gemeente",
        "contact_email": "",
        "audience": "",
        "is_published": "on",
    }
    response = client.post(add_url, data)
    assert "De activiteit moet eindigen na het begin." in response.content.decode()
    assert 'value="Wijkforum Moerwijk"' in response.content.decode()
    data["ends_at"] = timezone.localtime(start + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    assert client.post(add_url, data).status_code == 302
    created = Activity.objects.get(title="Wijkforum Moerwijk")
    assert "Wijkforum Moerwijk" in client.get(reverse("shop:agenda")).content.decode()
    assert created.get_absolute_url() in client.get(reverse("shop:agenda")).content.decode()
    registrations = reverse("wagtailsnippets_agenda_registration:list")
    assert client.get(registrations).status_code == 200
    assert client.get(reverse("wagtailsnippets_agenda_registration:add")).status_code in (302, 403)


@race_test
def test_two_residents_clicking_for_the_last_place_at_once():
    activity = ActivityFactory(capacity=1)

    def register(name):
        return lambda: registration_create(activity=activity, name=name, email=f"{name}@x.nl")

    results = at_once(register("ali"), register("bea"))
    statuses = sorted(registration.status for registration, _token in results)
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    assert activity.registrations.confirmed().count() == 1


def test_cancel_of_an_erased_registration_does_not_fail(activity):
    registration, _t = registration_create(activity=activity, name="A", email="a@x.nl")
    assert registration_cancel(registration=registration).status == RegistrationStatus.CANCELLED
