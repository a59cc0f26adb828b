"""The resident's side: the five-step form with a draft at every step, co-initiators, the
initiator's page with the thread, and Mijn Zuidwest."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from common.feedback.secrets import hash_secret, new_secret
from initiatives.models import CoInitiator, Initiative
from initiatives.services import initiative_send_message
from initiatives.workflow import Status
from tests.common.uploads import jpeg_with_gps

pytestmark = pytest.mark.django_db


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

IDEA = {
    "title": "Moestuin aan de Loosduinseweg",
    "what_why": "Samen groente kweken, zodat buren elkaar leren kennen.",
    "for_whom": "Alle buren, jong en oud.",
    "theme": "groen_en_schoon",
}


def budget(*lines, help_needed=("geld", "vrijwilligers")):
    data = {
        "help_needed": list(help_needed),
        "help_notes": "",
        "regels-TOTAL_FORMS": str(len(lines)),
        "regels-INITIAL_FORMS": "0",
        "regels-MIN_NUM_FORMS": "0",
        "regels-MAX_NUM_FORMS": "20",
    }
    for i, (description, amount) in enumerate(lines):
        data[f"regels-{i}-description"] = description
        data[f"regels-{i}-amount"] = amount
    return data


def step_url(initiative, step):
    return reverse("initiatives:step", args=[initiative.pk, step])


def test_an_account_is_needed_and_login_comes_back_here(client):
    response = client.get(reverse("initiatives:new"))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/initiatieven/nieuw/"


def test_a_resident_submits_in_five_steps(
    client, resident, moerwijk, wijk_broker, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    response = client.post(reverse("initiatives:new"), {**IDEA, "next": ""})
    initiative = Initiative.objects.get()
    assert response["Location"] == step_url(initiative, 2)
    assert initiative.status == Status.CONCEPT and initiative.initiator == resident

    response = client.post(
        step_url(initiative, 2),
        {"wijk": moerwijk.pk, "place": "Bij de speeltuin", "when_text": "Elke zaterdag"},
    )
    assert response["Location"] == step_url(initiative, 3)

    response = client.post(
        step_url(initiative, 3), budget(("Zaden en plantjes", "150,50"), ("Gereedschap", "€ 1.200"))
    )
    assert response["Location"] == step_url(initiative, 4)
    assert [line.amount_cents for line in initiative.budget_lines.all()] == [15050, 120000]
    assert initiative.budget_lines.all()[0].description == "Zaden en plantjes"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url(initiative, 4),
            {
                "photo": SimpleUploadedFile("tuin.jpg", jpeg_with_gps("green"), "image/jpeg"),
                "attachment": SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
                "invite_email": "buurvrouw@example.org",
            },
        )
    assert response["Location"] == step_url(initiative, 5)
    photo = initiative.photos.get()
    with photo.image.open("rb") as handle:
        stored = handle.read()
    assert b"PhoneMaker" not in stored and b"Exif" not in stored
    assert photo.thumbnail
    assert initiative.attachments.get().name == "plan.pdf"
    invitation = initiative.co_initiators.get()
    assert invitation.email == "buurvrouw@example.org" and len(invitation.token_hash) == 64
    assert mail.outbox[-1].to == ["buurvrouw@example.org"]

    page = client.get(step_url(initiative, 5)).content.decode()
    assert "€ 1.350,50" in page and "Bij de speeltuin" in page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(step_url(initiative, 5), {"publish_consent": "on"})
    initiative.refresh_from_db()
    assert response["Location"] == reverse("initiatives:mine", args=[initiative.pk])
    assert initiative.status == Status.INGEDIEND and initiative.publish_consent
    assert {m.to[0] for m in mail.outbox} == {resident.email, wijk_broker.email}
    html = client.get(response["Location"]).content.decode()
    assert "Bedankt! Uw initiatief is verstuurd." in html and initiative.reference in html


def test_bad_input_gets_a_dutch_error_and_the_rest_stays(client, resident):
    client.force_login(resident)
    response = client.post(reverse("initiatives:new"), {**IDEA, "title": "  ", "theme": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef uw initiatief een titel." in html
    assert "Kies een thema." in html
    assert IDEA["what_why"] in html and IDEA["for_whom"] in html
    assert not Initiative.objects.exists()


def test_budget_mistakes_are_explained_per_line(client, resident, initiative_factory):
    initiative = initiative_factory(initiator=resident, lines=[])
    client.force_login(resident)
    response = client.post(
        step_url(initiative, 3), budget(("Zaden", "veel"), ("", "40"), ("Koffie", ""))
    )
    html = response.content.decode()
    assert "Vul een bedrag in euro" in html
    assert "Schrijf waarvoor dit bedrag is." in html
    assert "Vul het bedrag in" in html
    assert 'value="Zaden"' in html and 'value="veel"' in html and 'value="Koffie"' in html
    assert not initiative.budget_lines.exists()

    response = client.post(step_url(initiative, 3), budget(help_needed=["geld"]))
    assert "U vroeg om geld" in response.content.decode()


def test_more_budget_lines_without_javascript(client, resident, initiative_factory):
    initiative = initiative_factory(initiator=resident, lines=[])
    client.force_login(resident)
    response = client.post(step_url(initiative, 3), {**budget(("Zaden", "10")), "more_lines": "1"})
    assert response.status_code == 302 and "regels=4" in response["Location"]
    html = client.get(response["Location"]).content.decode()
    assert html.count('name="regels-') >= 4 * 2 and 'value="Zaden"' in html


def test_only_real_pdfs_and_real_photos_are_accepted(client, resident, initiative_factory):
    initiative = initiative_factory(initiator=resident)
    client.force_login(resident)
    response = client.post(
        step_url(initiative, 4),
        {
            "attachment": SimpleUploadedFile(
                "plan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"
            ),
            "photo": SimpleUploadedFile("foto.jpg", b"no image here", "image/jpeg"),
            "invite_email": "buur@example.org",
        },
    )
    html = response.content.decode()
    assert "Dit bestand is geen PDF." in html
    assert "Dit bestand is geen foto." in html
    assert 'value="buur@example.org"' in html or initiative.co_initiators.exists()
    assert not initiative.attachments.exists() and not initiative.photos.exists()


def test_a_pdf_over_ten_megabytes_is_refused(client, resident, initiative_factory):
    initiative = initiative_factory(initiator=resident)
    client.force_login(resident)
    big = PDF + b"0" * (10 * 1024 * 1024)
    response = client.post(
        step_url(initiative, 4),
        {"attachment": SimpleUploadedFile("groot.pdf", big, "application/pdf")},
    )
    assert "hoogstens 10 MB" in response.content.decode()


def test_save_and_resume_later(client, resident, initiative_factory):
    client.force_login(resident)
    client.post(reverse("initiatives:new"), {**IDEA, "later": "1"})
    initiative = Initiative.objects.get()
    mijn = client.get(reverse("accounts:mijn")).content.decode()
    assert IDEA["title"] in mijn and step_url(initiative, 1) in mijn
    again = client.get(reverse("initiatives:new")).content.decode()
    assert "U heeft al een initiatief in voorbereiding" in again and IDEA["title"] in again


def test_someone_elses_draft_does_not_exist_for_you(client, resident_factory, initiative_factory):
    initiative = initiative_factory()
    client.force_login(resident_factory())
    assert client.get(step_url(initiative, 1)).status_code == 404
    assert client.post(step_url(initiative, 1), IDEA).status_code == 404
    assert client.get(reverse("initiatives:mine", args=[initiative.pk])).status_code == 404
    initiative.refresh_from_db()
    assert initiative.title != IDEA["title"]


def test_a_co_initiator_accepts_by_link_and_may_then_edit(
    client, resident, resident_factory, initiative_factory
):
    initiative = initiative_factory(initiator=resident)
    token = new_secret()
    CoInitiator.objects.create(
        initiative=initiative, email="buur@example.org", token_hash=hash_secret(token)
    )
    url = reverse("initiatives:accept", args=[token])
    assert client.get(url)["Location"] == f"/accounts/login/?next={url}"
    neighbour = resident_factory(email="buur@example.org")
    client.force_login(neighbour)
    assert client.get(step_url(initiative, 1)).status_code == 404
    assert client.post(url)["Location"] == reverse("initiatives:mine", args=[initiative.pk])
    response = client.post(step_url(initiative, 1), {**IDEA, "next": ""})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == IDEA["title"]
    # the link works once: a third person cannot use it again
    client.force_login(resident_factory())
    assert "al door iemand anders" in client.post(url).content.decode()


def test_the_initiator_reads_and_answers_the_broker_on_the_web(
    client, taken, wijk_broker, django_capture_on_commit_callbacks
):
    initiative = taken()
    initiative_send_message(initiative=initiative, author=wijk_broker, text="Wat is het budget?")
    client.force_login(initiative.initiator)
    page = reverse("initiatives:mine", args=[initiative.pk])
    html = client.get(page).content.decode()
    assert "Wat is het budget?" in html and "In gesprek met de gemeente" in html
    assert "Dag! Ik ben uw makelaar." in html  # the take message in the timeline
    response = client.post(
        reverse("initiatives:message", args=[initiative.pk]), {"bericht-text": ""}
    )
    assert "Schrijf eerst uw bericht in het vak." in response.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("initiatives:message", args=[initiative.pk]),
            {"bericht-text": "Ongeveer 650 euro."},
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [wijk_broker.email]
    assert "Ongeveer 650 euro." in client.get(page).content.decode()


def test_publishing_and_withdrawing_from_the_initiators_page(client, submit):
    initiative = submit(publish_consent=False)
    client.force_login(initiative.initiator)
    client.post(reverse("initiatives:publication", args=[initiative.pk]), {"publish": "1"})
    initiative.refresh_from_db()
    assert initiative.is_public
    url = reverse("initiatives:withdraw", args=[initiative.pk])
    response = client.post(url, {"reason": "Geen tijd"})
    assert "Vink aan" in response.content.decode()
    client.post(url, {"reason": "Geen tijd", "confirm": "on"})
    initiative.refresh_from_db()
    assert initiative.status == Status.INGETROKKEN and not initiative.is_public


def test_accountability_is_filed_per_budget_line(client, started):
    initiative = started()
    lines = list(initiative.budget_lines.all())
    client.force_login(initiative.initiator)
    url = reverse("initiatives:accountability", args=[initiative.pk])
    data = {
        "verantwoording-what_happened": "Het was een feest.",
        "verantwoording-participants": "x",
    }
    data |= {f"verantwoording-spent_{line.pk}": "100" for line in lines}
    html = client.post(url, data).content.decode()
    assert "Vul een getal in." in html and "Het was een feest." in html
    data["verantwoording-participants"] = "35"
    data[f"verantwoording-spent_{lines[0].pk}"] = "149,95"
    assert client.post(url, data).status_code == 302
    spent = sorted(x.spent_cents for x in initiative.accountability.lines.all())
    assert spent == [10000, 14995]


def test_mijn_zuidwest_lists_my_initiatives_and_export_and_erase_work(
    client, submit, resident_factory
):
    from accounts.services import user_delete, user_export_data

    initiative = submit(publish_consent=True)
    owner = initiative.initiator
    client.force_login(owner)
    html = client.get(reverse("accounts:mijn")).content.decode()
    assert initiative.reference in html and "Mijn initiatieven" in html
    data = user_export_data(user=owner)
    assert data["initiatieven"]["initiatives"][0]["reference"] == initiative.reference
    user_delete(user=owner)
    initiative.refresh_from_db()
    assert initiative.initiator is None and initiative.status == Status.INGEDIEND


def test_a_draft_can_be_thrown_away(client, resident, initiative_factory):
    initiative = initiative_factory(initiator=resident, title="Wegwerpidee")
    client.force_login(resident)
    url = reverse("initiatives:withdraw", args=[initiative.pk])
    response = client.post(url, {"confirm": "on"})
    assert response["Location"] == reverse("accounts:mijn")
    initiative.refresh_from_db()
    assert initiative.status == Status.INGETROKKEN
    assert "Wegwerpidee" not in client.get(reverse("accounts:mijn")).content.decode()
    assert client.get(reverse("initiatives:mine", args=[initiative.pk])).status_code == 404
