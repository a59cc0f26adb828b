"""The handlers' back office under /beheer/meldingen/: who sees what (both ways), the actions
through the services, the filters, and a queue whose query count does not grow with its rows."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meldingen.models import InternalNote, StandardText, StatusChange
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

QUEUE = "/beheer/meldingen/"


def detail(melding) -> str:
    return f"{QUEUE}{melding.reference}/"


@pytest.fixture
def report_a(melding_factory, category_factory, afdeling_a):
    return melding_factory(category=category_factory(default_afdeling=afdeling_a))


@pytest.fixture
def report_b(melding_factory, category_factory, afdeling_b):
    return melding_factory(category=category_factory(default_afdeling=afdeling_b))


@pytest.fixture
def sensitive_report(melding_factory, sensitive_category_factory, afdeling_a):
    # Routed to afdeling A on purpose: the department alone must not open a sensitive report.
    return melding_factory(category=sensitive_category_factory(default_afdeling=afdeling_a))


@pytest.fixture
def ondermijning(user_factory):
    return user_factory(role="ondermijning")


def change_status(client, melding, **fields):
    data = {"status-expected_status": melding.status}
    data.update({f"status-{key}": value for key, value in fields.items()})
    return client.post(f"{detail(melding)}status/", data)


def merge(client, melding, *, into: str):
    """The handler merges `melding` into the report with the reference `into`."""
    return change_status(
        client, melding, to=Status.SAMENGEVOEGD, public_message="Al gemeld.", merge_into=into
    )


# --- who sees what ------------------------------------------------------------------------------


def test_a_handler_sees_their_afdelings_reports_and_not_another(
    client, handler_a, report_a, report_b
):
    client.force_login(handler_a)
    content = client.get(QUEUE).content.decode()
    assert report_a.reference in content
    assert report_b.reference not in content
    assert client.get(detail(report_a)).status_code == 200
    assert client.get(detail(report_b)).status_code == 404


def test_a_handler_cannot_change_another_afdelings_report(client, handler_a, report_b):
    client.force_login(handler_a)
    response = change_status(
        client, report_b, to=Status.IN_BEHANDELING, public_message="We gaan kijken."
    )
    assert response.status_code == 404
    report_b.refresh_from_db()
    assert report_b.status == Status.GEMELD
    for action in ("toewijzen", "notitie", "openbare-omschrijving"):
        assert client.post(f"{detail(report_b)}{action}/", {}).status_code == 404
    assert not InternalNote.objects.filter(melding=report_b).exists()


def test_a_sensitive_report_is_only_for_ondermijning(
    client, handler_a, ondermijning, sensitive_report, coordinator
):
    for outsider in (handler_a, coordinator):
        client.force_login(outsider)
        assert sensitive_report.reference not in client.get(QUEUE).content.decode()
        assert client.get(detail(sensitive_report)).status_code == 404
    client.force_login(ondermijning)
    assert sensitive_report.reference in client.get(QUEUE).content.decode()
    page = client.get(detail(sensitive_report))
    assert page.status_code == 200
    assert "alleen team ondermijning" in page.content.decode()


def test_a_coordinator_sees_every_afdeling(client, coordinator, report_a, report_b):
    client.force_login(coordinator)
    content = client.get(QUEUE).content.decode()
    assert report_a.reference in content and report_b.reference in content


def test_a_resident_gets_no_access_at_all(client, resident, report_a):
    client.force_login(resident)
    for url in (QUEUE, detail(report_a), f"{QUEUE}?view=kaart"):
        response = client.get(url)
        assert response.status_code == 403  # the refusal page (accounts/middleware.py)
        assert report_a.description not in response.content.decode()
    response = change_status(client, report_a, to=Status.IN_BEHANDELING, public_message="x")
    assert response.status_code == 403
    report_a.refresh_from_db()
    assert report_a.status == Status.GEMELD


def test_an_editor_reaches_the_admin_but_not_the_queue(client, editor, handler_a, report_a):
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 302
    assert client.get(detail(report_a)).status_code == 302
    assert QUEUE not in client.get("/beheer/").content.decode()
    client.force_login(handler_a)
    assert QUEUE in client.get("/beheer/").content.decode()


# --- actions ------------------------------------------------------------------------------------


def test_a_status_change_writes_history_and_emails_the_reporter(
    client, handler_a, report_a, django_capture_on_commit_callbacks
):
    client.force_login(handler_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = change_status(
            client,
            report_a,
            to=Status.INGEPLAND,
            public_message="We komen dinsdag de zakken ophalen.",
            internal_note="Route van dinsdag.",
        )
    assert response.status_code == 302
    assert response["Location"] == detail(report_a)
    report_a.refresh_from_db()
    assert report_a.status == Status.INGEPLAND
    change = report_a.history.get(to_status=Status.INGEPLAND)
    assert change.public_message == "We komen dinsdag de zakken ophalen."
    assert change.actor == handler_a
    assert report_a.notes.get().text == "Route van dinsdag."
    assert [m.to for m in mail.outbox] == [[report_a.reporter_email]]
    assert "We komen dinsdag de zakken ophalen." in mail.outbox[0].body
    page = client.get(detail(report_a)).content.decode()
    assert "We komen dinsdag de zakken ophalen." in page


def test_a_missing_message_is_refused_and_the_typed_note_kept(client, handler_a, report_a):
    client.force_login(handler_a)
    response = change_status(
        client,
        report_a,
        to=Status.INGEPLAND,
        public_message="",
        internal_note="Eerst met de wijkbeheerder bellen.",
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf een bericht aan de melder" in content
    assert "Eerst met de wijkbeheerder bellen." in content
    report_a.refresh_from_db()
    assert report_a.status == Status.GEMELD
    assert report_a.history.count() == 1
    assert not report_a.notes.exists()


def test_a_move_the_workflow_does_not_allow_is_refused(client, handler_a, report_a):
    client.force_login(handler_a)
    response = change_status(
        client, report_a, to=Status.VERZOEK_TOT_HEROPENEN, public_message="Opnieuw."
    )
    assert "kan niet" in response.content.decode() or "Alleen de" in response.content.decode()
    report_a.refresh_from_db()
    assert report_a.status == Status.GEMELD


def test_the_form_only_offers_the_workflows_targets(client, handler_a, report_a):
    client.force_login(handler_a)
    content = client.get(detail(report_a)).content.decode()
    assert f'value="{Status.INGEPLAND}"' in content
    assert f'value="{Status.VERZOEK_TOT_HEROPENEN}"' not in content
    assert f'value="{Status.REACTIE_ONTVANGEN}"' not in content


def test_a_stale_form_is_refused(client, handler_a, report_a):
    client.force_login(handler_a)
    stale = {"status-expected_status": Status.IN_BEHANDELING}
    response = client.post(
        f"{detail(report_a)}status/",
        {**stale, "status-to": Status.INGEPLAND, "status-public_message": "Dinsdag."},
    )
    assert "Iemand anders heeft deze melding net gewijzigd" in response.content.decode()
    report_a.refresh_from_db()
    assert report_a.status == Status.GEMELD


def test_forwarding_needs_a_party_and_stores_it(client, handler_a, report_a):
    client.force_login(handler_a)
    response = change_status(
        client, report_a, to=Status.DOORGEZET, public_message="De woningcorporatie pakt het op."
    )
    assert "Naar wie is de melding doorgezet?" in response.content.decode()
    response = change_status(
        client,
        report_a,
        to=Status.DOORGEZET,
        public_message="De woningcorporatie pakt het op.",
        external_party="Staedion",
    )
    assert response.status_code == 302
    assert report_a.history.get(to_status=Status.DOORGEZET).external_party == "Staedion"


def test_merging_only_into_a_report_the_handler_may_see(
    client, handler_a, report_a, report_b, melding_factory
):
    client.force_login(handler_a)
    response = merge(client, report_a, into=report_b.reference)
    assert "Er is geen andere melding met dit kenmerk gevonden." in response.content.decode()
    survivor = melding_factory(category=report_a.category)
    response = merge(client, report_a, into=survivor.reference.lower())
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.merged_into == survivor


def test_a_sensitive_report_is_never_merged_into_a_public_one(
    client, user_factory, sensitive_report, report_a
):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    response = merge(client, sensitive_report, into=report_a.reference)
    assert "kunnen niet samengevoegd worden" in response.content.decode()
    sensitive_report.refresh_from_db()
    assert sensitive_report.merged_into is None


def test_a_standard_text_fills_in_the_message(client, handler_a, report_a):
    text = StandardText.objects.create(
        category=report_a.category,
        status=Status.INGEPLAND,
        title="Ophalen ingepland",
        text="We halen het afval binnen drie werkdagen op.",
    )
    client.force_login(handler_a)
    assert "Ophalen ingepland" in client.get(detail(report_a)).content.decode()
    page = client.get(f"{detail(report_a)}?naar={Status.INGEPLAND}&tekst={text.pk}")
    assert "We halen het afval binnen drie werkdagen op.</textarea>" in page.content.decode()


def test_a_standard_text_is_offered_in_the_reporters_language(client, handler_a, report_a):
    text = StandardText.objects.create(
        category=report_a.category,
        status=Status.INGEPLAND,
        title_nl="Ophalen ingepland",
        text_nl="We halen het afval binnen drie werkdagen op.",
        text_tr="Çöpü üç iş günü içinde alacağız.",
    )
    client.force_login(handler_a)
    url = f"{detail(report_a)}?naar={Status.INGEPLAND}&tekst={text.pk}"
    report_a.language = "tr"
    report_a.save(update_fields=["language"])
    assert "Çöpü üç iş günü içinde alacağız.</textarea>" in client.get(url).content.decode()
    # a language the ready text has no words for gets the Dutch
    report_a.language = "bg"
    report_a.save(update_fields=["language"])
    page = client.get(url).content.decode()
    assert "We halen het afval binnen drie werkdagen op.</textarea>" in page


def test_assigning_only_to_a_colleague_who_may_see_it(
    client, handler_a, handler_factory, afdeling_a, report_a
):
    colleague = handler_factory(afdeling=afdeling_a)
    outsider = handler_factory()
    client.force_login(handler_a)
    client.post(f"{detail(report_a)}toewijzen/", {"assign-assignee": outsider.pk})
    report_a.refresh_from_db()
    assert report_a.assigned_to is None
    response = client.post(f"{detail(report_a)}toewijzen/", {"assign-assignee": colleague.pk})
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.assigned_to == colleague


def test_notes_are_internal_and_not_empty(client, handler_a, report_a):
    client.force_login(handler_a)
    response = client.post(f"{detail(report_a)}notitie/", {"note-text": "  "})
    assert "Een notitie kan niet leeg zijn." in response.content.decode()
    client.post(f"{detail(report_a)}notitie/", {"note-text": "Buurman weet meer."})
    page = client.get(detail(report_a)).content.decode()
    assert "alleen intern" in page and "Buurman weet meer." in page
    assert not StatusChange.objects.filter(public_message__contains="Buurman").exists()


def test_the_public_description_is_set_by_the_handler(client, handler_a, report_a):
    client.force_login(handler_a)
    client.post(
        f"{detail(report_a)}openbare-omschrijving/", {"public-text": "Afval naast container"}
    )
    report_a.refresh_from_db()
    assert report_a.public_description == "Afval naast container"


def test_a_sensitive_report_gets_no_public_description(client, ondermijning, sensitive_report):
    client.force_login(ondermijning)
    response = client.post(
        f"{detail(sensitive_report)}openbare-omschrijving/", {"public-text": "Handel"}
    )
    assert "nooit openbaar" in response.content.decode()
    sensitive_report.refresh_from_db()
    assert sensitive_report.public_description == ""


# --- filters, map, query count ------------------------------------------------------------------


def test_filters_overdue_unassigned_mine_wijk_status_and_search(
    client, handler_a, handler_factory, afdeling_a, category_factory, melding_factory, wijk_factory
):
    category = category_factory(default_afdeling=afdeling_a)
    wijk = wijk_factory()
    late = melding_factory(category=category, deadline=timezone.now() - timezone.timedelta(days=1))
    mine = melding_factory(category=category, assigned_to=handler_a)
    theirs = melding_factory(
        category=category, assigned_to=handler_factory(afdeling=afdeling_a), wijk=wijk
    )
    planned = melding_factory(
        category=category, status=Status.INGEPLAND, address="Melis Stokelaan 9"
    )
    client.force_login(handler_a)

    def refs(query: str) -> set[str]:
        content = client.get(f"{QUEUE}?{query}").content.decode()
        return {m.reference for m in (late, mine, theirs, planned) if m.reference in content}

    assert refs("") == {late.reference, mine.reference, theirs.reference, planned.reference}
    assert refs("overdue=on") == {late.reference}
    assert refs("mine=on") == {mine.reference}
    assert refs("unassigned=on") == {late.reference, planned.reference}
    assert refs(f"wijk={wijk.pk}") == {theirs.reference}
    assert refs(f"status={Status.INGEPLAND}&status={Status.AFGEHANDELD}") == {planned.reference}
    assert refs("q=stokelaan") == {planned.reference}
    assert refs(f"q={mine.reference}") == {mine.reference}


def test_an_overdue_report_is_flagged_in_the_queue_and_on_its_page(client, handler_a, report_a):
    report_a.deadline = timezone.now() - timezone.timedelta(hours=1)
    report_a.save(update_fields=["deadline"])
    client.force_login(handler_a)
    assert "te laat" in client.get(QUEUE).content.decode()
    assert "te laat" in client.get(detail(report_a)).content.decode()


def test_the_map_view_lists_coordinates_without_javascript(client, handler_a, report_a):
    client.force_login(handler_a)
    content = client.get(f"{QUEUE}?view=kaart").content.decode()
    assert 'id="meldingen-markers"' in content
    assert f"{report_a.lat:.5f}" in content and report_a.reference in content


def test_the_queue_pages_by_25(client, handler_a, melding_factory, category_factory, afdeling_a):
    melding_factory.create_batch(26, category=category_factory(default_afdeling=afdeling_a))
    client.force_login(handler_a)
    assert "Pagina 1 van 2" in client.get(QUEUE).content.decode()
    assert client.get(f"{QUEUE}?page=2").content.decode().count('data-reference="') == 1


def test_the_queue_query_count_does_not_grow_with_its_rows(
    client,
    handler_a,
    handler_factory,
    afdeling_a,
    category_factory,
    melding_factory,
    wijk_factory,
    django_assert_max_num_queries,
):
    client.force_login(handler_a)

    def fill(count: int) -> None:
        category = category_factory(default_afdeling=afdeling_a, parent=category_factory())
        colleague = handler_factory(afdeling=afdeling_a)
        melding_factory.create_batch(
            count, category=category, wijk=wijk_factory(), assigned_to=colleague
        )

    fill(5)
    client.get(QUEUE)  # warm Wagtail's per-process caches
    with CaptureQueriesContext(connection) as five:
        assert client.get(QUEUE).status_code == 200
    fill(25)
    with django_assert_max_num_queries(len(five)):
        response = client.get(QUEUE)
    assert response.content.decode().count('data-reference="') == 25


# --- photos ---------------------------------------------------------------------------------------


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def photo_a(report_a):
    from common.images import sanitise_image
    from meldingen.models import Photo

    clean = sanitise_image(io.BytesIO(png_bytes()))
    photo = Photo(melding=report_a)
    file = clean.as_file("foto")
    photo.image.save(file.name, file, save=False)
    photo.save()
    yield photo
    photo.image.delete(save=False)


def test_photos_are_served_only_to_who_may_see_the_report(
    client, handler_a, handler_factory, resident, photo_a
):
    url = f"{detail(photo_a.melding)}foto/{photo_a.pk}/"
    client.force_login(handler_a)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content == photo_a.image.open("rb").read()
    # No thumbnail made yet: the small version falls back to the photo.
    assert client.get(f"{url}klein/").status_code == 200
    assert not photo_a.image.path.startswith(str(settings.MEDIA_ROOT))

    client.force_login(handler_factory())  # another afdeling
    assert client.get(url).status_code == 404
    client.force_login(resident)
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_a_photo_of_another_report_is_not_found_through_this_one(
    client, handler_a, report_a, report_b, photo_a, melding_factory
):
    other = melding_factory(category=report_a.category)
    client.force_login(handler_a)
    assert client.get(f"{detail(other)}foto/{photo_a.pk}/").status_code == 404


def test_resolving_with_an_after_photo(client, handler_a, report_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(handler_a)
    upload = SimpleUploadedFile("na.png", png_bytes(), content_type="image/png")
    response = client.post(
        f"{detail(report_a)}status/",
        {
            "status-expected_status": Status.GEMELD,
            "status-to": Status.AFGEHANDELD,
            "status-public_message": "Opgeruimd.",
            "status-after_photo": upload,
        },
    )
    assert response.status_code == 302
    after = report_a.photos.get(kind="after")
    try:
        assert after.width == 40
    finally:
        after.image.delete(save=False)


def test_a_false_after_photo_is_refused_in_dutch(client, handler_a, report_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(handler_a)
    fake = SimpleUploadedFile("na.jpg", b"dit is geen foto", content_type="image/jpeg")
    response = client.post(
        f"{detail(report_a)}status/",
        {
            "status-expected_status": Status.GEMELD,
            "status-to": Status.AFGEHANDELD,
            "status-public_message": "Opgeruimd.",
            "status-after_photo": fake,
        },
    )
    assert response.status_code == 200
    assert "Opgeruimd." in response.content.decode()
    report_a.refresh_from_db()
    assert report_a.status == Status.GEMELD


# --- reference data -------------------------------------------------------------------------------


def test_the_category_form_names_the_main_category_in_dutch(client, administrator, category_a):
    client.force_login(administrator)
    html = client.get(f"/beheer/snippets/meldingen/category/edit/{category_a.pk}/").content
    assert "Hoofdcategorie" in html.decode() and "Parent" not in html.decode()


def test_only_the_beheerder_edits_categories(client, administrator, handler_a):
    client.force_login(administrator)
    assert client.get("/beheer/snippets/meldingen/category/").status_code == 200
    client.force_login(handler_a)
    assert client.get("/beheer/snippets/meldingen/category/").status_code == 302
