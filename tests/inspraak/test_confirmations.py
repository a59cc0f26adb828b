"""A reaction with a typed address counts at once, but the address hears of the follow-up
report only after following the link in its one confirmation mail."""

import pytest
from django.core import mail

from participation.inspraak.models import Contribution
from participation.inspraak.services import process_publish_report

pytestmark = pytest.mark.django_db

TYPED = "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest, voor: een reactie"


def react(client, email="buur@example.org"):
    return client.post(
        "/inspraak/zuiderpark/", {"text": "Meer schaduw bij de speeltuin", "email": email}
    )


def test_the_report_reaches_a_typed_address_only_after_it_is_confirmed(
    client, open_process, coordinator, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert react(client).status_code == 302
        react(client, email="onbekend@example.org")
    (confirmation,) = [m for m in mail.outbox if m.to == ["buur@example.org"]]
    assert TYPED in confirmation.body
    assert Contribution.objects.count() == 2  # both reactions count at once
    client.post(confirm_link("buur@example.org"), {"antwoord": "ja"})

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        process_publish_report(process=open_process, actor=coordinator, report="We doen X.")
    assert [m.to for m in mail.outbox] == [["buur@example.org"]]


def test_not_me_removes_the_address_and_keeps_the_reaction(
    client, open_process, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        react(client)
    page = client.post(confirm_link("buur@example.org"), {"antwoord": "nee"})
    assert "Wij hebben uw e-mailadres weggehaald" in page.content.decode()
    contribution = Contribution.objects.get()
    assert contribution.email == "" and contribution.text == "Meer schaduw bij de speeltuin"


def test_a_signed_in_resident_gets_no_confirmation_mail(
    client, open_process, resident, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        react(client, email=resident.email)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        process_publish_report(process=open_process, actor=coordinator, report="We doen X.")
    assert [m.to for m in mail.outbox] == [[resident.email]]
