"""Machine translation between a Turkish reporter and a Dutch handler (common.translation):
with the translator on, off, and failing. Nothing ever waits for it or loses the original."""

import logging

import pytest
from django.core import mail
from django.utils import translation

from common.translation.models import MachineTranslation
from meldingen.models import Melding
from meldingen.services import melding_change_status
from meldingen.workflow import Status
from tests.common.translator import never_called, serving
from tests.meldingen.views.steps import report


def _mark(language: str) -> str:
    """The mark of a machine translation from Dutch, as a reader of `language` sees it."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override(language):
        return gettext("Machinevertaling uit het %(language)s") % {"language": "Nederlands"}


MARK_TR = _mark("tr")

pytestmark = pytest.mark.django_db

TURKISH = "Lamba bozuk, sokak geceleri tamamen karanlık."
DUTCH = "De lamp is kapot, de straat is in de nacht helemaal donker."
ANSWER = "Donderdag komt de monteur."
ANSWER_TR = "Tamirci perşembe günü geliyor."


def turkish_report(client, categories, capture):
    with translation.override("tr"), capture(execute=True):
        response = report(client, categories, description=TURKISH)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Melding.objects.get(), response["Location"]


def answer(melding, handler, capture):
    with translation.override("nl"), capture(execute=True):
        melding_change_status(
            melding=melding, to=Status.INGEPLAND, actor=handler, public_message=ANSWER
        )


def handler_page(client, handler, melding) -> str:
    client.force_login(handler)
    html = client.get(f"/beheer/meldingen/{melding.reference}/").content.decode()
    client.logout()
    return html


def test_with_the_translator_on_reporter_and_handler_each_read_their_own_language(
    client, categories, handler_factory, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    with serving(settings) as server:
        melding, follow = turkish_report(client, categories, capture)
        handler = handler_factory(afdeling=melding.afdeling)
        page = handler_page(client, handler, melding)
        mail.outbox.clear()
        answer(melding, handler, capture)
    assert server.unknown == []
    assert melding.description == TURKISH  # the original is never replaced

    # The handler reads Dutch, marked, with the Turkish original one click away.
    assert DUTCH in page and "Machinevertaling uit het Türkçe" in page
    assert "<details" in page and TURKISH in page.split("<details", 1)[1]

    # The reporter's mail: the answer in Turkish, marked, the Dutch original below it.
    (update,) = mail.outbox
    assert ANSWER_TR in update.body and MARK_TR in update.body
    assert update.body.index(ANSWER_TR) < update.body.index(ANSWER)
    html = update.alternatives[0][0]
    assert '<html lang="tr" dir="ltr">' in html and ANSWER_TR in html

    # The follow page shows it the same way, without JavaScript.
    follow_page = client.get(follow).content.decode()
    assert ANSWER_TR in follow_page and MARK_TR in follow_page
    assert ANSWER in follow_page.split("<details", 1)[1]
    # Each text was sent once, whatever the number of pages and mails that show it.
    assert [(sent["source"], sent["target"]) for sent in server.sent] == [
        ("tr", "nl"),
        ("nl", "tr"),
    ]


@pytest.mark.parametrize("mode", ["timeout", "refused"])
def test_a_failing_translator_never_stops_a_report_or_an_answer(
    client, categories, handler_factory, settings, django_capture_on_commit_callbacks, caplog, mode
):
    capture = django_capture_on_commit_callbacks
    with caplog.at_level(logging.WARNING), serving(settings, mode) as server:
        melding, follow = turkish_report(client, categories, capture)
        assert len(mail.outbox) == 1  # the confirmation went all the same
        handler = handler_factory(afdeling=melding.afdeling)
        page = handler_page(client, handler, melding)
        mail.outbox.clear()
        answer(melding, handler, capture)
        follow_page = client.get(follow).content.decode()
    melding.refresh_from_db()
    assert melding.status == Status.INGEPLAND
    assert not MachineTranslation.objects.filter(failed=False).exists()
    # Everyone sees the originals, unmarked.
    assert TURKISH in page and "Machinevertaling" not in page
    (update,) = mail.outbox
    assert ANSWER in update.body and "Machinevertaling" not in update.body
    assert ANSWER in follow_page and "Machinevertaling" not in follow_page
    # Tried twice per text (one retry), then given up for good with a line in the log: the
    # mail's task did not ask again after the page's task had given up.
    assert len(server.sent) == 4
    failures = [r for r in caplog.records if "Machine translation" in r.getMessage()]
    assert len(failures) == 4 and all(r.levelno == logging.WARNING for r in failures)


def test_with_the_translator_off_nothing_is_sent_and_nothing_stored(
    client, categories, handler_factory, settings, django_capture_on_commit_callbacks
):
    settings.TRANSLATION_BACKEND = "none"
    capture = django_capture_on_commit_callbacks
    with never_called():
        melding, follow = turkish_report(client, categories, capture)
        handler = handler_factory(afdeling=melding.afdeling)
        page = handler_page(client, handler, melding)
        mail.outbox.clear()
        answer(melding, handler, capture)
        follow_page = client.get(follow).content.decode()
    assert not MachineTranslation.objects.exists()
    assert TURKISH in page and "Machinevertaling" not in page
    assert ANSWER in mail.outbox[0].body and ANSWER in follow_page


def test_a_question_and_the_reporters_answer_cross_the_language_both_ways(
    client, categories, handler_factory, settings, django_capture_on_commit_callbacks
):
    from meldingen.services import melding_reporter_reply

    capture = django_capture_on_commit_callbacks
    with serving(settings) as server:
        melding, _follow = turkish_report(client, categories, capture)
        handler = handler_factory(afdeling=melding.afdeling)
        mail.outbox.clear()
        with translation.override("nl"), capture(execute=True):
            melding_change_status(
                melding=melding,
                to=Status.REACTIE_GEVRAAGD,
                actor=handler,
                public_message="Bij welk huisnummer staat de lamp?",
            )
        (question,) = mail.outbox
        with translation.override("tr"), capture(execute=True):
            melding_reporter_reply(melding=melding, text="Okulun önündeki lamba, numara 12.")
        page = handler_page(client, handler, melding)
    assert server.unknown == []
    assert "Lamba hangi ev numarasının yanında?" in question.body
    assert MARK_TR in question.body
    # The handler reads the answer in Dutch in the history, the Turkish one click away.
    history = page.split('id="kop-verloop"', 1)[1].split("</section>", 1)[0]
    assert "De lamp voor de school, nummer 12." in history
    assert "Machinevertaling uit het Türkçe" in history
    assert "Okulun önündeki lamba, numara 12." in history.split("<details", 1)[1]


def test_a_dutch_report_is_not_sent_to_the_translator(
    client, categories, handler_factory, settings, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    with serving(settings) as server:
        with capture(execute=True):
            report(client, categories)
        melding = Melding.objects.get()
        answer(melding, handler_factory(afdeling=melding.afdeling), capture)
    assert server.sent == []


def test_an_erased_report_takes_its_translations_along(
    client, categories, settings, django_capture_on_commit_callbacks
):
    with serving(settings):
        melding, _follow = turkish_report(client, categories, django_capture_on_commit_callbacks)
    assert MachineTranslation.objects.count() == 1
    melding.delete()
    assert not MachineTranslation.objects.exists()
