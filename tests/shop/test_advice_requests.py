"""Vraag persoonlijk advies: a request gets a reference and an answer deadline in working days,
the resident gets a confirmation, participatiewinkel staff see it in the Wagtail admin and
answer there, and the answer is emailed. Residents never reach the staff view."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from common.workdays import add_working_days
from shop.methods.models import AdviceRequest, AdviceStatus
from shop.methods.services import (
    AdviceRequestError,
    advice_request_answer,
    advice_request_confirm_email,
    advice_request_create,
)

from .test_methods_support import build_databank

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank(db):
    return build_databank()


AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ASK = "/participatiewinkel/advies/vraag/"
ADMIN = "/beheer/participatiewinkel/adviesvragen/"
ANSWERS = (
    "?doel=mening&wie=ouderen&invloed=raadplegen&tijd=middel&budget=laag&aantal=groep&vorm=beide"
)
QUESTION = {
    "name": "Fatima",
    "email": "fatima@example.org",
    "question": "Wij willen ouderen in onze flat vragen wat zij van de nieuwe tuin vinden.",
}


def make_request(**overrides) -> AdviceRequest:
    fields = {**QUESTION, "language": "nl", **overrides}
    return advice_request_create(**fields)


def test_the_deadline_counts_working_days_and_skips_easter_monday():
    thursday = dt.datetime(2025, 4, 17, 10, 0, tzinfo=AMSTERDAM)  # before Easter
    advice_request = make_request(now=thursday)
    assert advice_request.deadline == add_working_days(thursday, 5)
    assert advice_request.deadline.astimezone(AMSTERDAM).date() == dt.date(2025, 4, 25)
    assert advice_request.reference.startswith("AV-")
    assert advice_request.status == AdviceStatus.OPEN


def test_asking_creates_a_request_with_the_answers_and_emails_a_confirmation(
    client, databank, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ASK + ANSWERS, QUESTION)
    assert response.status_code == 302
    assert response["Location"] == "/participatiewinkel/advies/vraag/verstuurd/"
    advice_request = AdviceRequest.objects.get()
    assert advice_request.name == "Fatima" and advice_request.language == "nl"
    assert advice_request.answers["wie"] == ["ouderen"]
    assert "Weten wat mensen ergens van vinden" in advice_request.answers_text
    assert advice_request.result_url == f"http://testserver/participatiewinkel/advies/{ANSWERS}"
    assert advice_request.deadline == add_working_days(advice_request.created_at, 5)

    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert advice_request.reference in message.subject
    body = message.body
    deadline = advice_request.deadline.astimezone(AMSTERDAM)
    assert f"{deadline.day} " in body and str(deadline.year) in body
    assert "&amp;" not in body  # plain text is not HTML-escaped
    # A typed address: the receipt says who asked, and carries none of the typed text.
    assert "Iemand heeft dit e-mailadres ingevuld op de website van Zuidwest" in body
    assert "nieuwe tuin" not in body and "nieuwe tuin" not in message.alternatives[0][0]

    sent = client.get(response["Location"]).content.decode()
    assert advice_request.reference in sent
    assert "U krijgt uiterlijk" in sent


def test_a_request_without_the_questionnaire_is_fine_too(client, databank):
    assert client.get(ASK).status_code == 200
    client.post(ASK, QUESTION)
    advice_request = AdviceRequest.objects.get()
    assert advice_request.answers == {} and advice_request.result_url == ""


def test_bad_input_keeps_what_was_typed_and_sends_nothing(client, databank):
    response = client.post(
        ASK + ANSWERS, {**QUESTION, "email": "fatima-at-example", "question": "x" * 2001}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Fatima"' in html
    assert 'value="fatima-at-example"' in html
    assert "x" * 2001 in html
    assert html.count("utrecht-form-field--invalid") == 2
    assert not AdviceRequest.objects.exists()
    assert mail.outbox == []
    # The questionnaire's answers still ride along in the form's address.
    assert 'action="/participatiewinkel/advies/vraag/?doel=mening' in html


def test_anonymous_requests_are_rate_limited(client, databank):
    for _ in range(5):
        assert client.post(ASK, QUESTION).status_code == 302
    response = client.post(ASK, QUESTION)
    assert response.status_code == 200
    assert "Probeer het later" in response.content.decode()
    assert AdviceRequest.objects.count() == 5


def test_a_logged_in_resident_finds_their_details_filled_in(client, databank, resident):
    client.force_login(resident)
    html = client.get(ASK).content.decode()
    assert f'value="{resident.email}"' in html
    client.post(ASK, {**QUESTION, "email": resident.email})
    assert AdviceRequest.objects.get().user == resident


def test_coordinators_see_open_requests_with_overdue_ones_flagged(client, coordinator):
    on_time = make_request(name="Op tijd")
    late = make_request(name="Te laat", now=timezone.now() - dt.timedelta(days=30))
    assert late.is_overdue and not on_time.is_overdue
    assert list(AdviceRequest.objects.overdue()) == [late]
    client.force_login(coordinator)
    response = client.get(ADMIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert on_time.reference in html and late.reference in html
    assert html.index(late.reference) < html.index(on_time.reference)  # earliest deadline first
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, re.S)
    late_row = next(row for row in rows if late.reference in row)
    on_time_row = next(row for row in rows if on_time.reference in row)
    assert "Te laat" in late_row and "Te laat" not in on_time_row
    assert "Op tijd" in on_time_row
    found = client.get(ADMIN, {"q": "Te laat"}).content.decode()
    assert late.reference in found and on_time.reference not in found
    # Requests come from the site; staff cannot make one up.
    assert client.get(ADMIN + "add/").status_code in (302, 403)


@pytest.mark.parametrize("who", ["resident", "editor", "broker"])
def test_residents_and_other_staff_cannot_open_the_requests(client, request, who):
    advice_request = make_request()
    client.force_login(request.getfixturevalue(who))
    for url in (ADMIN, f"{ADMIN}edit/{advice_request.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert advice_request.email not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    advice_request = make_request()
    response = client.get(f"{ADMIN}edit/{advice_request.pk}/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_coordinator_answers_in_the_admin_and_the_resident_gets_the_answer(
    client, coordinator, django_capture_on_commit_callbacks
):
    advice_request = make_request()
    advice_request_confirm_email(advice_request=advice_request)  # the answer needs this
    mail.outbox.clear()
    client.force_login(coordinator)
    edit = f"{ADMIN}edit/{advice_request.pk}/"
    form = client.get(edit).content.decode()
    assert "nieuwe tuin" in form and "fatima@example.org" in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {"answer": "Probeer een keukentafelgesprek & een wijkschouw."})
    assert response.status_code == 302
    advice_request.refresh_from_db()
    assert advice_request.status == AdviceStatus.BEANTWOORD
    assert advice_request.answered_by == coordinator and advice_request.answered_at
    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert "Probeer een keukentafelgesprek & een wijkschouw." in message.body
    assert advice_request.reference in message.subject

    # A second answer is refused and nothing is sent again.
    again = client.post(edit, {"answer": "Nog iets."})
    assert again.status_code == 200
    assert "al beantwoord" in again.content.decode()
    assert len(mail.outbox) == 1


def test_an_empty_answer_is_refused_in_the_admin(client, coordinator):
    advice_request = make_request()
    client.force_login(coordinator)
    response = client.post(f"{ADMIN}edit/{advice_request.pk}/", {"answer": "   "})
    assert response.status_code == 200
    advice_request.refresh_from_db()
    assert advice_request.status == AdviceStatus.OPEN


def test_the_service_refuses_to_answer_twice(coordinator):
    advice_request = make_request()
    advice_request_answer(advice_request=advice_request, answer="Ja.", actor=coordinator)
    with pytest.raises(AdviceRequestError):
        advice_request_answer(advice_request=advice_request, answer="Nee.", actor=coordinator)
    with pytest.raises(AdviceRequestError):
        advice_request_answer(advice_request=make_request(), answer=" ", actor=coordinator)


def test_the_answer_waits_for_a_confirmed_address_and_goes_once_it_is(
    client, coordinator, confirm_link, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        advice_request = make_request()
    link = confirm_link("fatima@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        advice_request_answer(
            advice_request=advice_request, answer="Een wijkschouw.", actor=coordinator
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"antwoord": "ja"})
    (answer,) = mail.outbox
    assert "Een wijkschouw." in answer.body and "nieuwe tuin" in answer.body


def test_not_me_removes_the_request(client, confirm_link, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_request()
    client.post(confirm_link("fatima@example.org"), {"antwoord": "nee"})
    assert not AdviceRequest.objects.exists()


def test_a_signed_in_residents_own_address_gets_the_question_back_and_the_answer(
    client, databank, resident, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ASK, {**QUESTION, "email": resident.email})
    (receipt,) = mail.outbox
    assert "nieuwe tuin" in receipt.body and "/e-mail/bevestigen/" not in receipt.body
    with django_capture_on_commit_callbacks(execute=True):
        advice_request_answer(
            advice_request=AdviceRequest.objects.get(), answer="Ja.", actor=coordinator
        )
    assert len(mail.outbox) == 2
