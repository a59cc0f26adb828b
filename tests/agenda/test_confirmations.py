"""A sign-up with a typed address: the first mail goes out (the resident needs it to show up)
but says plainly who asked and offers one link to cancel; the reminder and the news of a place
from the waiting list go only to a confirmed address. A resident's own account address needs
no confirmation."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from common.confirmation import MAILS_PER_ADDRESS
from participation.agenda.factories import ActivityFactory
from participation.agenda.models import Registration, RegistrationStatus
from participation.agenda.services import (
    registration_cancel,
    registration_create,
    registrations_send_reminders,
)
from tests.common.mailbox import mails_to

pytestmark = pytest.mark.django_db

TYPED = "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest, voor: Taalcafé"


@pytest.fixture
def activity(wijken):
    return ActivityFactory(wijk=wijken["moerwijk"], title="Taalcafé", capacity=5)


def register(client, activity, email="fatima@example.org"):
    return client.post(
        reverse("shop:activity", args=[activity.pk]),
        {"name": "Fatima", "email": email, "phone": ""},
    )


def remind(activity):
    return registrations_send_reminders(now=activity.starts_at - dt.timedelta(days=1))


def test_the_first_mail_says_who_asked_and_nothing_more_comes_until_confirmed(
    client, activity, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert register(client, activity).status_code == 302
    (first,) = mails_to("fatima@example.org")
    assert TYPED in first.body and TYPED in first.alternatives[0][0]
    assert "Nee, dit was ik niet" in first.alternatives[0][0]
    link = confirm_link("fatima@example.org")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(activity) == 0
    assert mail.outbox == []

    page = client.post(link, {"antwoord": "ja"}).content.decode()
    assert "Uw e-mailadres is bevestigd" in page
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(activity) == 1
    assert "Herinnering" in mails_to("fatima@example.org")[0].subject


def test_not_me_cancels_in_one_click_and_the_place_goes_to_the_next(
    client, activity, confirm_link, django_capture_on_commit_callbacks
):
    activity.capacity = 1
    activity.save()
    with django_capture_on_commit_callbacks(execute=True):
        register(client, activity)
        waiting, _token = registration_create(
            activity=activity, name="Bea", email="bea@example.org"
        )
    link = confirm_link("fatima@example.org")
    page = client.get(link + "?nee").content.decode()
    assert "Ja, dit was ik" not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"antwoord": "nee"})
    assert Registration.objects.get(email="fatima@example.org").status == (
        RegistrationStatus.CANCELLED
    )
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        remind(activity)
    assert mails_to("fatima@example.org") == []


def test_an_unconfirmed_address_is_not_told_of_a_place_from_the_waiting_list(
    activity, django_capture_on_commit_callbacks
):
    activity.capacity = 1
    activity.save()
    with django_capture_on_commit_callbacks(execute=True):
        first, _token = registration_create(activity=activity, name="Ali", email="a@example.org")
        second, _token = registration_create(activity=activity, name="Bea", email="b@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED  # the place is theirs all the same
    assert mails_to("b@example.org") == []


def test_a_signed_in_residents_own_address_needs_no_confirmation(
    client, activity, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, activity, email=resident.email.upper())
    (first,) = mails_to(resident.email)
    assert "Iemand heeft dit e-mailadres ingevuld" not in first.body
    assert "/e-mail/bevestigen/" not in first.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind(activity) == 1


def test_a_signed_in_resident_typing_another_address_is_asked_to_confirm_it(
    client, activity, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, activity, email="buurvrouw@example.org")
    (first,) = mails_to("buurvrouw@example.org")
    assert TYPED in first.body
    assert Registration.objects.get().email_confirmed_at is None


def test_one_address_gets_only_a_few_first_mails_an_hour(
    client, wijken, django_capture_on_commit_callbacks
):
    count = MAILS_PER_ADDRESS[0] + 2
    activities = [ActivityFactory(wijk=wijken["moerwijk"]) for _ in range(count)]
    with django_capture_on_commit_callbacks(execute=True):
        for item in activities:
            assert register(client, item, email="doelwit@example.org").status_code == 302
    assert len(mails_to("doelwit@example.org")) == MAILS_PER_ADDRESS[0]
    assert Registration.objects.filter(email="doelwit@example.org").count() == count
