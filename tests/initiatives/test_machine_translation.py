"""Machine translation between a Turkish initiator and a Dutch broker (common.translation): the
plan and the initiator's messages reach the broker in Dutch, the broker's words reach the
initiator in Turkish, always marked and beside the original."""

import pytest
from django.core import mail

from initiatives.services import initiative_send_message
from tests.common.translator import serving


def _mark(language: str) -> str:
    """The mark of a machine translation from Dutch, as a reader of `language` sees it."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override(language):
        return gettext("Machinevertaling uit het %(language)s") % {"language": "Nederlands"}


MARK_TR = _mark("tr")

pytestmark = pytest.mark.django_db

WHAT = "Mahallede bir sebze bahçesi kurmak istiyoruz."
FOR_WHOM = "Komşular ve çocuklar için."


def test_broker_and_initiator_each_read_the_other_in_their_own_language(
    client, taken, wijk_broker, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    with serving(settings) as server:
        with capture(execute=True):
            initiative = taken(language="tr", what_why=WHAT, for_whom=FOR_WHOM)
        initiator = initiative.initiator
        mail.outbox.clear()
        with capture(execute=True):
            initiative_send_message(
                initiative=initiative, author=wijk_broker, text="Zullen we volgende week bellen?"
            )
        (to_initiator,) = mail.outbox
        mail.outbox.clear()
        with capture(execute=True):
            initiative_send_message(
                initiative=initiative, author=initiator, text="Evet, salı günü uygun."
            )
        (to_broker,) = mail.outbox
    assert server.unknown == []

    # The initiator's mail: the broker's words in Turkish, marked, the Dutch below.
    assert to_initiator.to == [initiator.email]
    assert "Gelecek hafta arayalım mı?" in to_initiator.body
    assert MARK_TR in to_initiator.body
    assert "Zullen we volgende week bellen?" in to_initiator.body
    # The broker's mail: the initiator's answer in Dutch, with the Turkish original.
    assert to_broker.to == [wijk_broker.email]
    assert "Ja, dinsdag komt goed uit." in to_broker.body
    assert "Machinevertaling uit het Türkçe" in to_broker.body
    assert "Evet, salı günü uygun." in to_broker.body

    # The broker's page: the plan and the answer in Dutch, the originals one click away.
    client.force_login(wijk_broker)
    page = client.get(f"/beheer/initiatieven/{initiative.reference}/").content.decode()
    for dutch, original in [
        ("We willen in de buurt een moestuin beginnen.", WHAT),
        ("Voor buren en kinderen.", FOR_WHOM),
        ("Ja, dinsdag komt goed uit.", "Evet, salı günü uygun."),
    ]:
        assert dutch in page and original in page
    assert page.count("Machinevertaling uit het Türkçe") == 3
    # The initiator's page: the broker's message and the status message in Turkish.
    client.force_login(initiator)
    mine = client.get(f"/initiatieven/mijn/{initiative.pk}/").content.decode()
    assert "Gelecek hafta arayalım mı?" in mine
    assert "Merhaba! Ben sizin danışmanınızım." in mine
    assert mine.count(_mark("nl")) == 2
    assert "<details" in mine
