"""'Dit meld ik ook' is double opt-in for a typed address: one confirmation mail, nothing
else until its link is followed; a signed-in resident follows at once."""

import pytest
from django.core import mail
from django.urls import reverse

from meldingen.models import Subscription
from meldingen.services import melding_change_status
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(categories, melding_factory):
    return melding_factory(category=categories["ratten"])


def support(client, melding, email="buur@example.org"):
    return client.post(reverse("meldingen:support", args=[melding.reference]), {"email": email})


def start_work(melding, handler, message="We gaan het bekijken."):
    melding_change_status(
        melding=melding, to=Status.IN_BEHANDELING, actor=handler, public_message=message
    )


def test_a_typed_address_gets_only_a_confirmation_until_it_confirms(
    client, report, handler, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = support(client, report)
    assert response.status_code == 200
    assert "Kijk in uw e-mail" in response.content.decode()
    [confirmation] = mail.outbox
    assert confirmation.to == ["buur@example.org"]
    assert "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest" in confirmation.body
    report.refresh_from_db()
    assert report.supporters == 0  # not counted before confirming
    link = confirm_link("buur@example.org")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        start_work(report, handler)
    assert "buur@example.org" not in [address for m in mail.outbox for address in m.to]

    page = client.post(link, {"antwoord": "ja"})
    assert page.status_code == 200
    assert "U volgt deze melding nu" in page.content.decode()
    report.refresh_from_db()
    assert report.supporters == 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=report, to=Status.AFGEHANDELD, actor=handler, public_message="Opgeruimd."
        )
    assert "buur@example.org" in [address for m in mail.outbox for address in m.to]


def test_no_means_the_address_is_taken_off(
    client, report, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        support(client, report)
    link = confirm_link("buur@example.org")
    page = client.get(link + "?nee").content.decode()
    assert "Ja, dit was ik" not in page and "Nee, dit was ik niet" in page
    client.post(link, {"antwoord": "nee"})
    assert not Subscription.objects.exists()
    # the same link cannot bring it back
    assert client.post(link, {"antwoord": "ja"}).status_code == 400


def test_a_signed_in_resident_follows_at_once_without_a_mail(
    client, report, resident, handler, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = support(client, report, email="")
    assert "u volgt nu deze melding" in response.content.decode()
    assert mail.outbox == []
    report.refresh_from_db()
    assert report.supporters == 1
    with django_capture_on_commit_callbacks(execute=True):
        start_work(report, handler)
    assert resident.email in [address for m in mail.outbox for address in m.to]


def test_asking_again_and_again_mails_the_address_only_a_few_times(
    client, report, django_capture_on_commit_callbacks
):
    from common.confirmation import MAILS_PER_ADDRESS

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(MAILS_PER_ADDRESS[0] + 3):
            assert support(client, report).status_code == 200
    assert len(mail.outbox) == MAILS_PER_ADDRESS[0]
    assert Subscription.objects.count() == 1


def test_an_address_that_never_confirms_is_forgotten_when_its_link_expires(client, report):
    from django.utils import timezone

    from common.confirmation import MAX_AGE
    from meldingen.services import meldingen_erase_contact_data

    support(client, report)
    meldingen_erase_contact_data(now=timezone.now() + timezone.timedelta(seconds=MAX_AGE - 60))
    assert Subscription.objects.exists()
    meldingen_erase_contact_data(now=timezone.now() + timezone.timedelta(seconds=MAX_AGE + 60))
    assert not Subscription.objects.exists()
