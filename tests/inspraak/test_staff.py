"""The back office under /beheer/inspraak/: coordinators plan and publish (clashes shown, a
confirmation needed); editors may prepare but not publish; residents are kept out."""

import datetime as dt

import pytest
from django.utils import timezone

from participation.inspraak.models import Process

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_the_list_a_resident_does_not(
    client, coordinator, resident, open_process
):
    client.force_login(coordinator)
    response = client.get("/beheer/inspraak/")
    assert response.status_code == 200
    assert "Het Zuiderpark opnieuw ingericht" in response.content.decode()
    client.force_login(resident)
    assert client.get("/beheer/inspraak/").status_code in (302, 403)


def test_the_publish_step_shows_clashes_and_needs_confirmation(
    client, coordinator, process_factory, wijken
):
    process_factory(wijken=[wijken["moerwijk"]], title="Enquête over afval")
    process = process_factory(wijken=[wijken["moerwijk"]], title="Nieuw plein")
    client.force_login(coordinator)
    html = client.get(f"/beheer/inspraak/{process.pk}/publiceren/").content.decode()
    assert "Enquête over afval" in html and "Let op" in html
    response = client.post(f"/beheer/inspraak/{process.pk}/publiceren/", {})
    assert response.status_code == 200
    assert "Bekijk ze en bevestig" in response.content.decode()
    assert not Process.objects.get(pk=process.pk).is_published
    response = client.post(f"/beheer/inspraak/{process.pk}/publiceren/", {"confirm": "on"})
    assert response.status_code == 302
    assert Process.objects.get(pk=process.pk).is_published


def test_an_editor_prepares_but_cannot_publish(client, editor, process_factory, wijken):
    process = process_factory(wijken=[wijken["moerwijk"]])
    client.force_login(editor)
    assert client.get(f"/beheer/inspraak/edit/{process.pk}/").status_code == 200
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    response = client.get(f"/beheer/inspraak/{process.pk}/publiceren/")
    assert response.status_code == 302 and response.url == "/beheer/"
    response = client.post(f"/beheer/inspraak/{process.pk}/publiceren/", {"confirm": "on"})
    assert response.status_code == 302 and response.url == "/beheer/"
    assert not Process.objects.get(pk=process.pk).is_published


def test_a_coordinator_plans_a_process_in_the_form(client, coordinator, wijken, afdeling):
    client.force_login(coordinator)
    data = {
        "title": "Groen in de Dreven",
        "slug": "",
        "summary": "Meer bomen en planten.",
        "question": "",
        "wijken": [wijken["moerwijk"].pk],
        "audience": ["iedereen"],
        "afdeling": afdeling.pk,
        "owner": "",
        "influence": "raadplegen",
        "influence_note": "",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
        "followup_due": "2027-01-31",
        "online_reactions": "on",
        "how_to_take_part": "",
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        "phases-0-title": "Ideeën ophalen",
        "phases-0-description": "",
        "phases-0-starts_on": "2026-12-01",
        "phases-0-ends_on": "2026-12-31",
        "phases-0-ORDER": "1",
        "phases-0-id": "",
        "phases-0-DELETE": "",
    }
    response = client.post("/beheer/inspraak/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    process = Process.objects.get()
    assert process.slug == "groen-in-de-dreven" and process.phases.count() == 1
    assert not process.is_published  # planning is not publishing
    data["followup_due"] = "2026-12-15"
    response = client.post("/beheer/inspraak/new/", data)
    assert "na de einddatum" in response.content.decode()


def test_the_report_step(client, coordinator, editor, open_process):
    client.force_login(editor)
    response = client.get(f"/beheer/inspraak/{open_process.pk}/terugkoppeling/")
    assert response.status_code == 302 and response.url == "/beheer/"
    client.force_login(coordinator)
    response = client.post(f"/beheer/inspraak/{open_process.pk}/terugkoppeling/", {"report": ""})
    assert "Schrijf wat er met de reacties is gedaan." in response.content.decode()
    response = client.post(
        f"/beheer/inspraak/{open_process.pk}/terugkoppeling/", {"report": "We planten 40 bomen."}
    )
    assert response.status_code == 302
    assert Process.objects.get(pk=open_process.pk).report == "We planten 40 bomen."


def _edit_data(client, process) -> dict:
    """What the edit form of a process posts back unchanged."""
    response = client.get(f"/beheer/inspraak/edit/{process.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name not in ("wijken", "audience", "phases") and value is not None
    }
    data.update(
        {
            "slug": process.slug,
            "wijken": [w.pk for w in process.wijken.all()],
            "audience": process.audience,
            "afdeling": process.afdeling_id,
            "owner": "",
            "online_reactions": "on",
            "phases-TOTAL_FORMS": "0",
            "phases-INITIAL_FORMS": "0",
            "phases-MIN_NUM_FORMS": "0",
            "phases-MAX_NUM_FORMS": "1000",
        }
    )
    for key in ("starts_on", "ends_on", "followup_due"):
        data[key] = getattr(process, key).isoformat()
    return data


@pytest.mark.parametrize("role", ["redacteur", "coordinator"])
def test_only_a_coordinator_changes_a_published_process(client, user_factory, role, open_process):
    client.force_login(user_factory(role=role))
    data = {**_edit_data(client, open_process), "title": "Anders genoemd"}
    response = client.post(f"/beheer/inspraak/edit/{open_process.pk}/", data)
    open_process.refresh_from_db()
    if role == "redacteur":
        assert "Alleen een coördinator mag het nog wijzigen" in response.content.decode()
        assert open_process.title == "Het Zuiderpark opnieuw ingericht"
    else:
        assert response.status_code == 302
        assert open_process.title == "Anders genoemd" and open_process.is_published


def test_the_promised_follow_up_date_stays_and_a_new_date_is_shown_beside_it(
    client, coordinator, open_process
):
    """A promise made in public is never moved (common/feedback/deadlines.py)."""
    client.force_login(coordinator)
    promised = open_process.followup_due
    later = promised + dt.timedelta(days=14)
    url = f"/beheer/inspraak/edit/{open_process.pk}/"
    moved = {**_edit_data(client, open_process), "followup_due": later.isoformat()}
    response = client.post(url, moved)
    assert "Deze datum is aan bewoners beloofd en blijft staan" in response.content.decode()
    open_process.refresh_from_db()
    assert open_process.followup_due == promised
    expected = {**_edit_data(client, open_process), "followup_expected": later.isoformat()}
    assert client.post(url, expected).status_code == 302
    open_process.refresh_from_db()
    assert open_process.followup_due == promised and open_process.followup_expected == later
    Process.objects.filter(pk=open_process.pk).update(
        followup_due=timezone.localdate() - dt.timedelta(days=1)
    )
    page = client.get(open_process.get_absolute_url()).content.decode()
    assert "De terugkoppeling is te laat" in page
    assert "We verwachten de terugkoppeling nu uiterlijk" in page
