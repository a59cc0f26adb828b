"""The registrations in the back office: only the coordinators who organise the activities see
residents' names and contact details (an editor plans activities, and is refused); they cancel
a registration for a resident (mailed in the resident's language, the waiting list moves up)
and sign one up through the desk's form and service. The listings write a start to come as
its day and time, not "Zojuist"."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from common.confirmation import mark_confirmed
from common.feedback.channel import Channel
from common.models import Notification
from participation.agenda.factories import ActivityFactory
from participation.agenda.models import Registration, RegistrationStatus
from participation.agenda.services import AgendaError, registration_cancel, registration_create

pytestmark = pytest.mark.django_db

LIST = "/beheer/agenda/aanmeldingen/"
ENTER = LIST + "inwoner-aanmelden/"


def cancel_url(registration) -> str:
    return f"{LIST}afmelden/{registration.pk}/"


@pytest.fixture
def activity(moerwijk):
    return ActivityFactory(wijk=moerwijk, title="Ontwerpsessie speeltuin", capacity=1)


@pytest.fixture
def kasia(activity):
    registration, _token = registration_create(
        activity=activity,
        name="Kasia",
        email="kasia@example.org",
        phone="0611112222",
        language="pl",
    )
    mark_confirmed(registration)
    return registration


def test_the_activity_list_shows_when_an_activity_starts_not_zojuist(client, coordinator, activity):
    client.force_login(coordinator)
    html = client.get(reverse("wagtailsnippets_agenda_activity:list")).content.decode()
    with translation.override("nl"):
        when = formats.date_format(timezone.localtime(activity.starts_at), "j F Y, H:i")
    assert when in html
    assert "Zojuist" not in html and "Just now" not in html


def test_the_organiser_cancels_for_a_resident_who_is_mailed_in_polish_and_the_next_moves_up(
    client, coordinator, activity, kasia, django_capture_on_commit_callbacks
):
    waiting, _token = registration_create(activity=activity, name="Bea", email="bea@example.org")
    mark_confirmed(waiting)
    mail.outbox.clear()
    client.force_login(coordinator)
    listing = client.get(LIST).content.decode()
    assert cancel_url(kasia) in listing and ENTER in listing
    screen = client.get(cancel_url(kasia)).content.decode()
    assert "Kasia afmelden voor Ontwerpsessie speeltuin?" in screen
    assert "e-mail, in het Polski" in screen and "eerste op de wachtlijst" in screen
    kasia.refresh_from_db()
    assert kasia.status == RegistrationStatus.CONFIRMED  # the screen alone changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(kasia))
    assert response.status_code == 302 and response["Location"] == LIST
    kasia.refresh_from_db()
    waiting.refresh_from_db()
    assert kasia.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED and waiting.moved_up_at is not None
    told = Notification.objects.get(event="agenda_cancelled_by_organiser")
    assert told.language == "pl" and told.email == "kasia@example.org"
    (message,) = [m for m in mail.outbox if m.to == ["kasia@example.org"]]
    assert '<html lang="pl"' in message.alternatives[0][0]
    assert any(m.to == ["bea@example.org"] for m in mail.outbox)  # the moved-up mail
    # A cancelled registration cannot be cancelled again from the back office.
    assert client.get(cancel_url(kasia)).status_code == 404


def test_the_organiser_signs_a_resident_up_with_the_desk_form(client, coordinator, activity):
    client.force_login(coordinator)
    form = client.get(f"{ENTER}?activiteit={activity.pk}").content.decode()
    assert f'<option value="{activity.pk}" selected>' in form
    data = {
        "channel": "telefoon",
        "language": "tr",
        "activity": activity.pk,
        "name": "Ayşe",
        "email": "",
        "phone": "0612345678",
        "consent": "on",
        "entry_token": "organisator-1",
    }
    response = client.post(ENTER, data)
    assert response.status_code == 200 and '<html lang="tr"' in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.name, registration.language) == ("Ayşe", "tr")
    assert registration.channel == Channel.TELEFOON
    assert registration.status == RegistrationStatus.CONFIRMED
    client.post(ENTER, data)  # a reload of the sent form enters nothing twice
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("fixture", ["editor", "desk_employee", "handler", "resident"])
def test_others_do_not_see_contact_details_nor_cancel_or_sign_up(request, fixture, activity, kasia):
    client = Client()
    client.force_login(request.getfixturevalue(fixture))
    for url in (
        LIST,
        reverse("wagtailsnippets_agenda_registration:inspect", args=[kasia.pk]),
        reverse("wagtailsnippets_agenda_registration:list") + "?q=Kasia",
        cancel_url(kasia),
        ENTER,
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "kasia@example.org" not in response.content.decode()
        assert "0611112222" not in response.content.decode()
    assert client.post(cancel_url(kasia)).status_code in (302, 403)
    kasia.refresh_from_db()
    assert kasia.status == RegistrationStatus.CONFIRMED
    with pytest.raises(AgendaError, match="Alleen de organisator"):
        registration_cancel(registration=kasia, organiser=request.getfixturevalue(fixture))


def test_the_editor_still_plans_activities_without_seeing_who_signed_up(
    client, editor, activity, kasia
):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_agenda_activity:list"))
    html = response.content.decode()
    assert response.status_code == 200 and "Ontwerpsessie speeltuin" in html
    assert "Kasia" not in html and "kasia@example.org" not in html
    assert LIST not in html  # no menu item to the registrations
    edit = reverse("wagtailsnippets_agenda_activity:edit", args=[activity.pk])
    page = client.get(edit).content.decode()
    assert client.get(edit).status_code == 200 and "kasia@example.org" not in page
