"""A sign-up on the Polish site hears in Polish (its day too), with links to the Polish site;
the coordinators' list of registrations shows the language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from common.l10n import format_day
from common.models import Notification
from participation.agenda.factories import ActivityFactory
from participation.agenda.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(moerwijk):
    return ActivityFactory(wijk=moerwijk, title="Ontwerpsessie speeltuin", capacity=5)


def test_a_registration_on_pl_is_mailed_in_polish_and_listed_with_its_language(
    client, activity, coordinator, resident, django_capture_on_commit_callbacks
):
    with translation.override("pl"):
        url = reverse("shop:activity", args=[activity.pk])
    assert url.startswith("/pl/")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"name": "Kasia", "email": "kasia@example.org", "phone": ""})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.language == "pl"
    notification = Notification.objects.get(event="agenda_registration")
    assert notification.language == "pl"
    # the day travels as an ISO date and is written in Polish when the mail is rendered
    local = timezone.localtime(activity.starts_at)
    assert notification.context["date"] == local.date().isoformat()
    day = format_day(local, "pl", "weekday")
    html = mail.outbox[0].alternatives[0][0]
    assert day in html
    assert '<html lang="pl" dir="ltr">' in html
    assert response["Location"] in html and response["Location"].startswith("/pl/")

    client.force_login(coordinator)
    listing = client.get("/beheer/agenda/aanmeldingen/").content.decode()
    assert "Kasia" in listing and "Polski" in listing
    client.force_login(resident)
    refused = client.get("/beheer/agenda/aanmeldingen/")
    assert refused.status_code in (302, 403) and "Kasia" not in refused.content.decode()
