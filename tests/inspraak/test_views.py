"""The public pages of /inspraak/: the list, a process with its reaction form (with or without
an account, rate-limited, with a honeypot), overdue shown publicly, and the calendar."""

import datetime as dt

import pytest
from django.utils import timezone

from common.calendar import (
    CalendarEntry,
    calendar_sources,
    register_calendar_source,
)
from participation.inspraak.models import Contribution

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_processes_only(client, open_process, process_factory):
    process_factory(title="Nog geheim plan")
    html = client.get("/inspraak/").content.decode()
    assert "Het Zuiderpark opnieuw ingericht" in html and "Nog geheim plan" not in html
    assert client.get("/inspraak/zuiderpark/").status_code == 200
    concept = process_factory(slug="concept")
    assert client.get(f"/inspraak/{concept.slug}/").status_code == 404


def test_the_page_states_the_influence_in_plain_words(client, open_process, phase_factory):
    phase_factory(process=open_process, title="Ideeën ophalen")
    html = client.get("/inspraak/zuiderpark/").content.decode()
    assert "Uw invloed: Adviseren" in html
    assert "De gemeente volgt uw advies, tenzij" in html
    assert "Ideeën ophalen" in html and "Nu" in html


def test_a_resident_without_an_account_reacts(client, open_process):
    response = client.post(
        "/inspraak/zuiderpark/",
        {"text": "Meer schaduw bij de speeltuin", "email": "buur@example.org"},
        follow=True,
    )
    assert "Bedankt voor uw reactie" in response.content.decode()
    contribution = Contribution.objects.get()
    assert contribution.email == "buur@example.org" and contribution.user is None


def test_a_resident_with_an_account_reacts(client, open_process, resident):
    client.force_login(resident)
    client.post("/inspraak/zuiderpark/", {"text": "Een watertappunt"})
    assert Contribution.objects.get().user == resident


def test_bad_input_keeps_what_was_typed(client, open_process):
    response = client.post("/inspraak/zuiderpark/", {"text": "", "name": "Fatima", "email": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf eerst uw reactie." in html and "Dit e-mailadres klopt niet" in html
    assert 'value="Fatima"' in html
    assert not Contribution.objects.exists()


def test_the_honeypot_is_hidden_and_keeps_nothing(
    client, open_process, honeypot, django_capture_on_commit_callbacks
):
    from django.core import mail

    honeypot.assert_hidden(client.get("/inspraak/zuiderpark/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/inspraak/zuiderpark/",
            {"text": "Koop nu", "email": "doelwit@example.org", "website": "http://spam.example"},
            follow=True,
        )
    assert "Bedankt voor uw reactie" in response.content.decode()  # as on success
    assert not Contribution.objects.exists()
    assert mail.outbox == []
    honeypot.assert_logged("inspraak")


def test_reactions_are_rate_limited(client, open_process):
    for n in range(5):
        client.post("/inspraak/zuiderpark/", {"text": f"Reactie {n}"})
    response = client.post("/inspraak/zuiderpark/", {"text": "Nog een"})
    assert "veel reacties achter elkaar" in response.content.decode()
    assert Contribution.objects.count() == 5


def test_an_overdue_process_says_so_until_the_report_is_out(client, overdue_process, coordinator):
    from participation.inspraak.services import process_publish_report

    html = client.get("/inspraak/speelplek-bouwlust/").content.decode()
    assert "De terugkoppeling is te laat" in html and "Geef uw reactie" not in html
    ledger_html = client.get("/terugkoppeling/bouwlust/").content.decode()
    assert "Wacht nog op antwoord" in ledger_html and "Speelplek Bouwlust" in ledger_html
    process_publish_report(
        process=overdue_process, actor=coordinator, report="Er komt een schommel."
    )
    html = client.get("/inspraak/speelplek-bouwlust/").content.decode()
    assert "De terugkoppeling is te laat" not in html and "Er komt een schommel." in html
    ledger_html = client.get("/terugkoppeling/bouwlust/").content.decode()
    assert "Wacht nog op antwoord" not in ledger_html and "Er komt een schommel." in ledger_html


def test_the_calendar_lists_processes_per_month_and_wijk(
    client, open_process, published_process_factory, wijken
):
    today = timezone.localdate()
    published_process_factory(title="Winkelcentrum Leyweg", wijken=[wijken["bouwlust"]])
    html = client.get("/inspraak/kalender/").content.decode()
    assert "Het Zuiderpark opnieuw ingericht" in html and "Winkelcentrum Leyweg" in html
    html = client.get("/inspraak/kalender/?wijk=moerwijk").content.decode()
    assert "Het Zuiderpark opnieuw ingericht" in html and "Winkelcentrum Leyweg" not in html
    later = (today.replace(day=1) + dt.timedelta(days=100)).strftime("%Y-%m")
    assert (
        "Deze maand staat er niets"
        in client.get(f"/inspraak/kalender/?maand={later}").content.decode()
    )


def test_activities_of_the_agenda_are_on_the_calendar_of_their_wijk(client, wijken):
    from participation.agenda.factories import ActivityFactory

    start = timezone.now() + dt.timedelta(hours=2)
    ActivityFactory(
        wijk=wijken["moerwijk"],
        title="Wijkforum Moerwijk",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    month = timezone.localdate(start).strftime("%Y-%m")
    html = client.get(f"/inspraak/kalender/?maand={month}&wijk=moerwijk").content.decode()
    assert "Wijkforum Moerwijk" in html and "Activiteit" in html
    html = client.get(f"/inspraak/kalender/?maand={month}&wijk=bouwlust").content.decode()
    assert "Wijkforum Moerwijk" not in html


def test_a_wrong_month_is_explained(client):
    response = client.get("/inspraak/kalender/?maand=dertien")
    assert response.status_code == 200
    assert "Deze maand kennen we niet" in response.content.decode()


def test_other_calendar_sources_plug_in(client):
    today = timezone.localdate()

    def activities(start, end, wijk):
        return [
            CalendarEntry(
                kind="activiteit",
                kind_label="Activiteit",
                title="Taalcafé in de bibliotheek",
                url="/agenda/1/",
                starts_on=today,
                ends_on=today,
                time_label="14:00–16:00",
            )
        ]

    register_calendar_source("test-activiteiten", activities)
    try:
        html = client.get("/inspraak/kalender/").content.decode()
    finally:
        from common import calendar

        calendar._sources.pop("test-activiteiten")
    assert "Taalcafé in de bibliotheek" in html and "14:00–16:00" in html
    assert "test-activiteiten" not in calendar_sources()


@pytest.mark.parametrize("rows", [2, 30])
def test_list_and_calendar_query_counts_do_not_grow(
    rows, client, published_process_factory, wijken, django_assert_num_queries
):
    for _ in range(rows):
        published_process_factory(wijken=[wijken["moerwijk"], wijken["bouwlust"]])
    client.get("/inspraak/")
    with django_assert_num_queries(4):  # wijken, count, page, wijken of the page
        assert client.get("/inspraak/").status_code == 200
    with django_assert_num_queries(4):  # wijken, processes, their wijken, activities
        assert client.get("/inspraak/kalender/").status_code == 200


@pytest.mark.parametrize("path", ["/inspraak/", "/inspraak/kalender/", "/terugkoppeling/"])
def test_pages_answer_in_english_too(client, open_process, path):
    response = client.get(f"/en{path}")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert client.get("/en/inspraak/zuiderpark/").status_code == 200


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "0000-00", "2026-13", "²⁰²⁶-11", "١٢-١"])
def test_a_month_the_calendar_cannot_show_is_explained(client, month):
    response = client.get("/inspraak/kalender/", {"maand": month})
    assert response.status_code == 200
    assert "Deze maand kennen we niet" in response.content.decode()


def test_the_page_names_the_department_in_the_readers_language(
    client, published_process_factory, afdeling_factory, wijken
):
    """The department's public name (common/translated_names.py) in the page's language; a
    language without a translation reads the Dutch name."""
    afdeling = afdeling_factory(
        name="Stadsbeheer – Openbare ruimte",
        name_en="City maintenance – Public space",
        name_tr="Şehir bakımı – Kamusal alan",
    )
    published_process_factory(slug="zuiderpark", afdeling=afdeling, wijken=[wijken["moerwijk"]])

    assert "Stadsbeheer – Openbare ruimte" in client.get("/inspraak/zuiderpark/").content.decode()
    english = client.get("/en/inspraak/zuiderpark/").content.decode()
    assert "City maintenance – Public space" in english
    assert "Stadsbeheer – Openbare ruimte" not in english
    turkish = client.get("/tr/inspraak/zuiderpark/").content.decode()
    assert "Şehir bakımı – Kamusal alan" in turkish
    assert "Stadsbeheer – Openbare ruimte" not in turkish
    polish = client.get("/pl/inspraak/zuiderpark/").content.decode()
    assert "Stadsbeheer – Openbare ruimte" in polish
