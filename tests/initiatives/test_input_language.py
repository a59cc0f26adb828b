"""An initiative made on the Turkish site hears from the broker in Turkish; a co-initiator in
the language they accepted in; the broker sees the initiative's language."""

import pytest
from django.core import mail
from django.utils import translation

from common.models import Notification
from initiatives.models import CoInitiator
from initiatives.services import (
    initiative_accept_invitation,
    initiative_invite,
    initiative_send_message,
)

pytestmark = pytest.mark.django_db


def test_the_initiators_hear_in_their_own_languages(
    taken, wijk_broker, user_factory, django_capture_on_commit_callbacks
):
    initiative = taken(language="tr")
    initiator = initiative.initiator
    initiator.preferred_language = "nl"
    initiator.save()
    friend = user_factory(email="vriend@example.org")
    with translation.override("tr"), django_capture_on_commit_callbacks(execute=True):
        initiative_invite(initiative=initiative, actor=initiator, email=friend.email)
    invitation = Notification.objects.get(event="initiative_invitation")
    assert invitation.language == "tr"  # the inviter's page, the only language we know
    accept_link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/tr/initiatieven/" in line
    )
    co = CoInitiator.objects.get()
    secret = accept_link.rstrip(")").rstrip("/").rsplit("/", 1)[-1]
    with translation.override("en"):
        initiative_accept_invitation(token=secret, user=friend)
    co.refresh_from_db()
    assert co.language == "en"

    with django_capture_on_commit_callbacks(execute=True):
        initiative_send_message(initiative=initiative, author=wijk_broker, text="Zullen we bellen?")
    told = {n.user_id: n.language for n in Notification.objects.filter(event="initiative_message")}
    assert told == {initiator.pk: "tr", friend.pk: "en"}


def test_the_broker_sees_the_language_on_the_case_and_a_resident_does_not_get_in(
    client, taken, wijk_broker, resident
):
    initiative = taken(language="ar")
    client.force_login(wijk_broker)
    html = client.get(f"/beheer/initiatieven/{initiative.reference}/").content.decode()
    assert 'Taal van de inwoner: <span lang="ar">العربية</span>' in html
    client.force_login(resident)
    response = client.get(f"/beheer/initiatieven/{initiative.reference}/")
    assert response.status_code in (302, 403)
    assert "Taal van de inwoner" not in response.content.decode()
