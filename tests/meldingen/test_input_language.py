"""A report is answered in the language it was made in (common.feedback.language): the
confirmation and every status mail, the links in them, and the handler sees that language."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from common.models import Notification
from meldingen.models import Melding
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.meldingen.views.steps import report

pytestmark = pytest.mark.django_db


def html_of(message) -> str:
    return message.alternatives[0][0]


def report_in(language, client, categories, django_capture_on_commit_callbacks, **details):
    with translation.override(language), django_capture_on_commit_callbacks(execute=True):
        response = report(client, categories, **details)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Melding.objects.get()


def answer(
    melding, handler, django_capture_on_commit_callbacks, message="Donderdag komt de monteur."
):
    # The handler works in Dutch, in /beheer/: nothing of their language reaches the reporter.
    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        melding_change_status(
            melding=melding, to=Status.INGEPLAND, actor=handler, public_message=message
        )


def test_a_report_on_tr_without_account_is_answered_in_turkish(
    client, categories, handler_factory, django_capture_on_commit_callbacks
):
    melding = report_in("tr", client, categories, django_capture_on_commit_callbacks)
    assert melding.language == "tr"
    received = Notification.objects.get(event="melding_received")
    assert received.language == "tr" and received.email == "bewoner@example.org"
    html = html_of(mail.outbox[0])
    assert '<html lang="tr" dir="ltr">' in html
    # Every link in the mail lands on the Turkish site, the follow link first.
    links = re.findall(r'href="([^"]+)"', html)
    assert any(f"/tr/melden/volg/{melding.reference}/" in link for link in links), links
    assert all("/tr/" in link for link in links), links

    mail.outbox.clear()
    answer(melding, handler_factory(afdeling=melding.afdeling), django_capture_on_commit_callbacks)
    update = Notification.objects.get(event="melding_status")
    assert update.language == "tr"
    html = html_of(mail.outbox[0])
    assert '<html lang="tr" dir="ltr">' in html
    assert "Donderdag komt de monteur." in mail.outbox[0].body
    assert f'href="{settings.ZUIDWEST_BASE_URL}/tr/mijn/"' in html


def test_an_arabic_report_gets_mails_that_read_right_to_left(
    client, categories, handler_factory, django_capture_on_commit_callbacks
):
    melding = report_in("ar", client, categories, django_capture_on_commit_callbacks)
    assert melding.language == "ar"
    assert '<html lang="ar" dir="rtl">' in html_of(mail.outbox[0])
    mail.outbox.clear()
    answer(melding, handler_factory(afdeling=melding.afdeling), django_capture_on_commit_callbacks)
    assert Notification.objects.get(event="melding_status").language == "ar"
    assert '<html lang="ar" dir="rtl">' in html_of(mail.outbox[0])


def test_a_dutch_report_stays_dutch_and_unprefixed(
    client, categories, handler_factory, django_capture_on_commit_callbacks
):
    melding = report_in("nl", client, categories, django_capture_on_commit_callbacks)
    assert melding.language == "nl"
    html = html_of(mail.outbox[0])
    assert '<html lang="nl" dir="ltr">' in html
    assert f"/melden/volg/{melding.reference}/" in html and "/nl/" not in html
    assert "/tr/" not in html and "/en/" not in html


def test_a_signed_in_dutch_resident_reporting_on_en_hears_in_english(
    client, categories, resident, handler_factory, django_capture_on_commit_callbacks
):
    resident.preferred_language = "nl"
    resident.save()
    client.force_login(resident)
    melding = report_in("en", client, categories, django_capture_on_commit_callbacks)
    assert melding.reporter == resident and melding.language == "en"
    received = Notification.objects.get(event="melding_received")
    assert received.user == resident and received.language == "en"
    assert "Your report" in mail.outbox[0].subject
    mail.outbox.clear()
    answer(melding, handler_factory(afdeling=melding.afdeling), django_capture_on_commit_callbacks)
    assert Notification.objects.get(event="melding_status").language == "en"
    assert '<html lang="en" dir="ltr">' in html_of(mail.outbox[0])
    # The account's own preference still rules what is not about this report.
    assert resident.preferred_language == "nl"


def test_a_follower_hears_in_their_own_language_not_the_reporters(
    client, categories, resident, handler_factory, django_capture_on_commit_callbacks
):
    from meldingen.services import melding_support

    melding = report_in("tr", client, categories, django_capture_on_commit_callbacks)
    with translation.override("en"):
        melding_support(melding=melding, user=resident)
    mail.outbox.clear()
    answer(melding, handler_factory(afdeling=melding.afdeling), django_capture_on_commit_callbacks)
    by_address = {n.email: n.language for n in Notification.objects.filter(event="melding_status")}
    assert by_address == {"bewoner@example.org": "tr", resident.email: "en"}


def test_the_handler_sees_the_residents_language_on_the_case(
    client, categories, handler_factory, django_capture_on_commit_callbacks
):
    melding = report_in("tr", client, categories, django_capture_on_commit_callbacks)
    handler = handler_factory(afdeling=melding.afdeling)
    client.force_login(handler)
    html = client.get(f"/beheer/meldingen/{melding.reference}/").content.decode()
    assert 'Taal van de inwoner: <span lang="tr">Türkçe</span>' in html
    # Someone without access to the report sees neither it nor the line.
    other = handler_factory()
    client.force_login(other)
    response = client.get(f"/beheer/meldingen/{melding.reference}/")
    assert response.status_code in (302, 403, 404)
    assert "Türkçe" not in response.content.decode()
