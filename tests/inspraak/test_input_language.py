"""A reaction given on the Bulgarian site is answered in Bulgarian, and staff see that language
beside the reaction."""

import pytest
from django.core import mail

from common.models import Notification
from participation.inspraak.models import Contribution

pytestmark = pytest.mark.django_db


def test_a_reaction_on_bg_is_confirmed_in_bulgarian_and_staff_see_the_language(
    client, open_process, coordinator, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/bg/inspraak/zuiderpark/",
            {"text": "Повече сянка", "email": "buur@example.org"},
            follow=True,
        )
    assert response.status_code == 200
    contribution = Contribution.objects.get()
    assert contribution.language == "bg"
    assert Notification.objects.get(event="process_reaction_confirm").language == "bg"
    html = mail.outbox[0].alternatives[0][0]
    assert '<html lang="bg" dir="ltr">' in html
    assert "/bg/inspraak/zuiderpark/" in html

    client.force_login(coordinator)
    page = client.get(f"/beheer/inspraak/{open_process.pk}/terugkoppeling/").content.decode()
    assert 'Taal van de inwoner: <span lang="bg">Български</span>' in page
    client.force_login(editor)  # no right to the reactions: neither they nor their language
    response = client.get(f"/beheer/inspraak/{open_process.pk}/terugkoppeling/")
    assert response.status_code == 302 and "Български" not in response.content.decode()
