"""One source per mail: every event's template renders the HTML part, and the text part is
derived from it, so the two say the same sentences and carry the same links; every mail ends
with the one sign-off, allauth's mails included."""

import html as htmllib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from common.mailtext import html_to_text, render_mail
from common.models import Notification
from common.notifications import deliver, notify

BASE_URL = "http://127.0.0.1:8000"
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "notifications"

# Representative contexts, as the services build them (context plus secret_context). A key
# "event+variant" renders the same event with another context (a typed address, a refusal).

AGENDA = {
    "title": "Inloop Moerwijk",
    "name": "Fatma Yilmaz",
    "date": "2026-03-03",
    "time": "19:30–21:00",
    "place": "Wijkcentrum De Boog",
    "address": "Loosduinse Hoofdstraat 1",
    "activity_url": "/agenda/inloop-moerwijk/",
    "ics_url": "/agenda/12/ical/",
    "manage_url": "/agenda/aanmelding/geheim-token/",
}
BOOKING = {
    "title": "Spreekuur initiatieven",
    "name": "Fatma Yilmaz",
    "date": "2026-03-03",
    "time": "10:15",
    "place": "Wijkcentrum De Boog",
    "address": "Loosduinse Hoofdstraat 1",
    "manage_url": "/initiatieven/afspraak/geheim-token/",
    "ics_url": "/initiatieven/afspraak/geheim-token/ical/",
}
CONFIRM = {"confirm_url": "/bevestig/geheim-token/"}
MELDING = {
    "reference": "ZW-2026-00042",
    "category": "Zwerfafval",
    "status_label": "In behandeling",
    "message": "We komen woensdag langs.\nDank voor het melden.",
    "deadline": "2026-03-12",
    "handling_message": "Wij halen zwerfafval binnen vijf werkdagen weg.",
    "title": "ZW-2026-00042",
}
INITIATIVE = {
    "reference": "INI-2026-0007",
    "title": "Moestuin & buurtkeuken",
    "status_label": "Toegekend",
    "url": "/initiatieven/mijn/7/",
}
PROPOSAL = {
    "title": "Bankjes in het Zuiderpark",
    "round": "Wijkbudget Moerwijk 2026",
    "message": "Dit past binnen het budget.",
    "path": "/wijkbudget/moerwijk-2026/voorstel/3/",
}
PROCESS = {"title": "Herinrichting Zuiderpark", "url": "/inspraak/zuiderpark/"}

EXAMPLES = {
    "advice_answered": {
        "title": "PW-2026-0003",
        "name": "Fatma",
        "reference": "PW-2026-0003",
        "question": "Hoe organiseer ik een buurtgesprek?\nMet wie begin ik?",
        "answer": "Begin klein.\n\nNodig de buren uit.",
        "result_url": "http://127.0.0.1:8000/participatiewinkel/advies/?a=1",
    },
    "advice_received": {
        "title": "PW-2026-0003",
        "name": "Fatma",
        "reference": "PW-2026-0003",
        "question": "Hoe organiseer ik een buurtgesprek?",
        "deadline": "vrijdag 6 maart",
        "result_url": "http://127.0.0.1:8000/participatiewinkel/advies/?a=1",
    },
    "advice_received+confirm": {},
    "advice_late_staff": {
        "title": "PW-2026-0003",
        "reference": "PW-2026-0003",
        "deadline": "2026-03-06",
        "url": "/beheer/snippets/shop/advicerequest/edit/3/",
    },
    "agenda_cancelled_by_organiser": {**AGENDA, "manage_url": ""},
    "agenda_cancelled_organiser": {**AGENDA, "manage_url": "", "status": "Aangemeld"},
    "agenda_moved_up": AGENDA,
    "agenda_registration": AGENDA,
    "agenda_registration+confirm": {**AGENDA, **CONFIRM},
    "agenda_registration_organiser": {**AGENDA, "manage_url": "", "status": "Wachtlijst"},
    "agenda_reminder": {**AGENDA, "manage_url": ""},
    "agenda_waiting": {**AGENDA, "position": 2},
    "agenda_waiting+confirm": {**AGENDA, "position": 2, **CONFIRM},
    "initiative_booking": BOOKING,
    "initiative_booking+confirm": {**BOOKING, **CONFIRM},
    "initiative_booking_broker": {
        **BOOKING,
        "manage_url": "",
        "ics_url": "",
        "question": "Subsidie?\nVoor een buurtfeest.",
    },
    "initiative_booking_reminder": {**BOOKING, "manage_url": "", "ics_url": ""},
    "initiative_booking_moved": {
        **BOOKING,
        "manage_url": "",
        "ics_url": "",
        "old_place": "Buurthuis De Henneb",
        "old_address": "Hengelolaan 1",
    },
    "initiative_booking_hour_cancelled": {**BOOKING, "manage_url": "", "ics_url": ""},
    "initiative_handoff": {
        "reference": "INI-2026-0007",
        "title": "Moestuin & buurtkeuken",
        "from": "Sanne (makelaar)",
        "note": "Graag verder met de gemeente.\nZie het dossier.",
        "url": "/beheer/initiatieven/INI-2026-0007/",
    },
    "initiative_desk_entered": {
        "reference": "INI-2026-0007",
        "title": "Moestuin & buurtkeuken",
        "deadline": "2026-03-10",
        "accept_url": "/initiatieven/uitnodiging/geheim-token/",
    },
    "initiative_invitation": {
        "title": "Moestuin & buurtkeuken",
        "inviter": "Fatma",
        "accept_url": "/initiatieven/uitnodiging/geheim-token/",
    },
    "initiative_message": {
        **INITIATIVE,
        "message": "Kunt u de begroting sturen?\nDank!",
        "author": "Sanne",
    },
    "initiative_new": {
        "reference": "INI-2026-0007",
        "title": "Moestuin & buurtkeuken",
        "wijk": "Moerwijk",
        "deadline": "2026-03-10",
        "url": "/beheer/initiatieven/INI-2026-0007/",
    },
    "initiative_late_staff": {
        "title": "INI-2026-0007",
        "reference": "INI-2026-0007",
        "initiative": "Moestuin & buurtkeuken",
        "wijk": "Moerwijk",
        "promise": "first_response",
        "deadline": "2026-03-10",
        "url": "/beheer/initiatieven/INI-2026-0007/",
    },
    "initiative_late_staff+decision": {
        "title": "INI-2026-0007",
        "reference": "INI-2026-0007",
        "initiative": "Moestuin & buurtkeuken",
        "wijk": "Moerwijk",
        "promise": "decision",
        "deadline": "2026-03-24",
        "url": "/beheer/initiatieven/INI-2026-0007/",
    },
    "initiative_received": {**INITIATIVE, "status_label": "Ingediend", "deadline": "2026-03-10"},
    "initiative_status": {
        **INITIATIVE,
        "message": "Gefeliciteerd.\nWe spreken elkaar snel.",
        "amount": "€ 1.250,00",
        "conditions": "Bewaar de bonnetjes.\nStuur foto's.",
    },
    "initiative_status+referred": {
        **INITIATIVE,
        "status_label": "Doorverwezen",
        "message": "Het fonds past beter.",
        "organisation": "Fonds 1818",
        "url_organisation": "https://www.fonds1818.nl/",
    },
    "initiative_status+declined": {
        **INITIATIVE,
        "status_label": "Afgewezen",
        "message": "Helaas.",
        "reasons": ["Het is geen buurtinitiatief", "Het budget is op"],
    },
    "melding_overdue": {**MELDING, "old_deadline": "2026-03-05", "deadline": "2026-03-12"},
    "melding_expected": {**MELDING, "old_deadline": "2026-03-05", "deadline": "2026-03-19"},
    "melding_overdue_staff": {
        **MELDING,
        "deadline": "2026-03-05",
        "expected": "12-03-2026",
        "url": "/beheer/meldingen/42/",
    },
    "melding_question": {**MELDING, "message": "Waar staat de container precies?\nBij nummer 12?"},
    "melding_received": {
        **MELDING,
        "status_label": "Gemeld",
        "message": MELDING["handling_message"],
        "follow_url": "/melden/volg/ZW-2026-00042/geheim-token/",
    },
    "melding_status": {**MELDING, "follow_url": ""},
    "melding_link": {"reference": "ZW-2026-00042", "follow_url": "/melden/volg/ZW-2026-00042/x/"},
    "melding_support_confirm": {
        "title": "ZW-2026-00042",
        "reference": "ZW-2026-00042",
        "category": "Zwerfafval",
        **CONFIRM,
    },
    "process_followup_overdue": {**PROCESS, "followup_due": "2026-02-01", "contributions": 14},
    "process_reaction_confirm": {**PROCESS, "name": "Fatma", **CONFIRM},
    "process_report": {**PROCESS, "report": "We leggen een pad aan.\nDe bomen blijven staan."},
    "welcome": {"title": "welcome"},
    "wijkbudget_haalbaar": PROPOSAL,
    "wijkbudget_niet_haalbaar": {**PROPOSAL, "message": "Het terrein is niet van de gemeente."},
    "wijkbudget_samenvoegen": {**PROPOSAL, "message": "Het lijkt op 'Groen plein'."},
}
EXAMPLES["advice_received+confirm"] = {**EXAMPLES["advice_received"], **CONFIRM}


def events() -> set[str]:
    return {
        path.stem
        for path in TEMPLATES.glob("*.html")
        if not path.stem.startswith("_") and path.stem != "base_email"
    }


def render_example(key: str, language: str = "nl") -> tuple[str, str, str]:
    event = key.split("+")[0]
    context = {**EXAMPLES[key], "base_url": BASE_URL, "recipient_name": "Fatma"}
    with translation.override(language):
        return render_mail(f"notifications/{event}.html", context)


def sign_off(language: str) -> tuple[str, str]:
    with translation.override(language):
        html = render_to_string("notifications/_sign_off.html", {"base_url": BASE_URL})
    return html.strip(), html_to_text(html)[1]


def visible_words(html: str) -> list[str]:
    """What a reader of the HTML part sees, worked out without the converter under test."""
    body = html.split("<body", 1)[1].split(">", 1)[1]
    body = re.sub(r"</?(?:a|b|em|i|span|strong)\b[^>]*>", "", body)  # inline: no word break
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", body)).split()


def words_of_text(text: str) -> list[str]:
    """The text part's words, without what the text adds: "(url)" after a link's words, the
    "> " of a quote, the "- " of a list item and the rule above the footer."""
    text = re.sub(r" ?\((?:https?|mailto):[^)\s]*\)", " ", text)
    lines = [re.sub(r"^(?:> ?)+", "", line) for line in text.splitlines()]
    lines = [re.sub(r"^\s*- ", "", line) for line in lines if not re.fullmatch(r"[-=]{3,}", line)]
    return " ".join(lines).split()


def links(html: str) -> list[str]:
    return [htmllib.unescape(href) for href in re.findall(r'href="([^"]*)"', html)]


def test_every_event_is_one_template_with_a_representative_context():
    assert not list(TEMPLATES.glob("**/*.txt")), "no separate text copies: the text is derived"
    assert events() == {key.split("+")[0] for key in EXAMPLES}
    assert len(events()) >= 29


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_both_parts_say_the_same_and_end_with_the_one_sign_off(key, language):
    subject, text, html = render_example(key, language)

    assert subject and "\n" not in subject and "{" not in subject
    assert words_of_text(text) == visible_words(html)
    for href in links(html):
        assert href in text
        assert href.rstrip("/") != BASE_URL, "a link whose path is missing from the context"
    sign_off_html, sign_off_text = sign_off(language)
    assert text.endswith(sign_off_text)
    assert html.rsplit("</div>", 1)[0].rstrip().endswith(sign_off_html)
    greeting = "Met vriendelijke groet," if language == "nl" else "Kind regards,"
    assert text.count(greeting) == 1 and html.count(greeting) == 1
    assert "&amp;" not in text and "&#x27;" not in text and "{{" not in text


def test_the_text_part_keeps_headings_paragraphs_links_lists_and_quotes():
    title, text = html_to_text(
        "<!DOCTYPE html><html><head><title>Uw \n melding</title><style>p {color: red}</style>"
        "</head><body><h1>Nieuws</h1><p>Eerste   alinea,<br>nieuwe regel.</p>"
        '<p>Lees <a href="https://x.nl/a?b=1&amp;c=2">het verslag</a>.</p>'
        '<p><a href="https://x.nl/">https://x.nl/</a> <a href="mailto:a@b.nl">a@b.nl</a></p>'
        "<ul><li>een</li><li>twee &amp; drie</li></ul>"
        "<blockquote>Vraag<br>regel twee<p>tweede alinea</p></blockquote><p>Slot</p><hr></body>"
    )
    assert title == "Uw melding"
    assert text == (
        "Nieuws\n======\n\n"
        "Eerste alinea,\nnieuwe regel.\n\n"
        "Lees het verslag (https://x.nl/a?b=1&c=2).\n\n"
        "https://x.nl/ a@b.nl\n\n"
        "- een\n- twee & drie\n\n"
        "> Vraag\n> regel twee\n>\n> tweede alinea\n\n"
        "Slot\n\n" + "-" * 40 + "\n"
    )


def test_a_link_without_words_shows_its_address():
    assert html_to_text('<p>Zie <a href="https://x.nl/"></a></p>')[1] == "Zie https://x.nl/\n"


def test_the_fuller_text_of_the_two_old_parts_is_kept():
    """Where the HTML and text parts used to differ, each now says the fuller of the two."""
    _subject, text, _html = render_example("melding_received")
    assert "Iedereen met de link kan de melding zien." in text
    assert f"Volg uw melding ({BASE_URL}/melden/volg/ZW-2026-00042/geheim-token/)" in text
    _subject, text, html = render_example("initiative_status+referred")
    assert '<a href="https://www.fonds1818.nl/"' in html
    assert "Doorverwezen naar: Fonds 1818 (https://www.fonds1818.nl/)" in text
    _subject, text, _html = render_example("agenda_registration+confirm")
    assert "Was u dit niet? Open dan deze link." in text and "Klik dan hier" not in text


def test_a_mail_without_its_secret_link_offers_no_empty_link():
    """Secrets are forgotten when a mail did not go out in time; a link to nothing is worse
    than no link."""
    context = {**EXAMPLES["agenda_registration"], "manage_url": "", "ics_url": ""}
    with translation.override("nl"):
        _subject, text, _html = render_mail("notifications/agenda_registration.html", context)
    assert "afmelden" not in text and "Zet in uw agenda" not in text


@pytest.mark.django_db
def test_a_sent_notification_carries_the_text_derived_from_its_html(resident):
    notification = notify(event="melding_status", context=EXAMPLES["melding_status"], user=resident)
    deliver(notification)

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    subject, text = html_to_text(html)
    assert message.subject == subject == "Nieuws over uw melding ZW-2026-00042: In behandeling"
    assert message.body == text
    assert "We komen woensdag langs.\nDank voor het melden." in message.body
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT


def assert_in_our_layout(message, language: str = "nl") -> None:
    html = message.alternatives[0][0]
    sign_off_html, sign_off_text = sign_off(language)
    assert message.body == html_to_text(html)[1]
    assert message.body.endswith(sign_off_text)
    assert html.rsplit("</div>", 1)[0].rstrip().endswith(sign_off_html)
    assert message.body.count("Met vriendelijke groet,") == 1
    assert "Hello from" not in message.body and "Thank you for using" not in message.body


@pytest.mark.django_db
def test_allauths_login_code_mail_has_the_one_sign_off(client, resident):
    client.post(reverse("account_request_login_code"), {"email": resident.email})

    (message,) = mail.outbox
    assert_in_our_layout(message)
    code = re.search(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", message.body).group(0)
    assert code in message.alternatives[0][0]
    assert message.body.startswith("Den Haag Zuidwest\n\nBeste bewoner,\n\nUw code om in te loggen")
    assert message.subject.startswith("[Zuidwest] ")


@pytest.mark.django_db
def test_allauths_other_mails_have_the_one_sign_off_too(resident):
    Client().post(reverse("account_signup"), {"email": "nieuw@example.org"})
    Client().post(reverse("account_request_login_code"), {"email": "onbekend@example.org"})
    Client().post(reverse("account_reset_password"), {"email": resident.email})

    confirmation, unknown, reset = mail.outbox
    for message in mail.outbox:
        assert_in_our_layout(message)
    assert "Uw code om uw e-mailadres te bevestigen is:" in confirmation.body
    assert "Maar er is geen account met dit adres." in unknown.body
    assert "/accounts/signup/" in unknown.body
    # allauth's own words for a mail we did not write, with its link made a link
    url = re.search(r"https?://\S+/accounts/password/reset/key/\S+", reset.body).group(0)
    assert f'href="{url}"' in reset.alternatives[0][0]


@pytest.mark.parametrize(
    ("language", "day"),
    [
        ("nl", "dinsdag 3 maart 2026"),
        ("pl", "wtorek, 3 marca 2026"),
        ("en", "Tuesday, 3 March 2026"),
    ],
)
def test_a_mail_names_the_day_in_the_language_of_its_reader(language, day):
    """The context keeps the day as ISO text; the mail writes it when it is sent, in the
    language of the one who reads it (Polish puts the month in the genitive)."""
    _subject, text, html = render_example("agenda_registration", language)
    assert day in text and day in html
    assert "2026-03-03" not in text


def test_a_mail_queued_before_keeps_the_day_it_was_given():
    """Contexts stored before the days became ISO text still show their day as written."""
    with translation.override("nl"):
        html = render_to_string(
            "notifications/melding_received.html", {**MELDING, "deadline": "12-03-2026"}
        )
    assert "U krijgt uiterlijk 12-03-2026 antwoord." in html
