"""A spoken what and why on step 1 of the initiative form: typed or spoken, checked by its
content, heard by the initiators and the brokers who may see it (never the public), and erased
with the account (initiatives/views/submission.py, initiatives/views/mine.py, account.py)."""

import os

import pytest
from django.urls import reverse

from initiatives.models import Initiative, Recording
from initiatives.services import initiative_submit, missing_for_submission
from tests.common.recordings import text_as_wav, wav_upload

pytestmark = pytest.mark.django_db

IDEA = {
    "title": "Moestuin aan de Loosduinseweg",
    "what_why": "",
    "for_whom": "Alle buren, jong en oud.",
    "theme": "groen_en_schoon",
}


def step_url(initiative, step):
    return reverse("initiatives:step", args=[initiative.pk, step])


def file_url(recording):
    return reverse("initiatives:file", args=["opname", recording.pk])


def test_a_spoken_idea_needs_no_typed_what_and_why(client, resident, moerwijk):
    client.force_login(resident)
    page = client.get(reverse("initiatives:new")).content.decode()
    assert 'accept="audio/*"' in page and "js/recorder.js" in page
    response = client.post(reverse("initiatives:new"), {**IDEA, "recording": wav_upload(5)})
    initiative = Initiative.objects.get()
    assert response["Location"] == step_url(initiative, 2)
    assert initiative.what_why == ""
    recording = Recording.objects.get(initiative=initiative)
    assert recording.seconds == pytest.approx(5) and recording.uploaded_by == resident
    # Ready to send without a typed what and why: the recording is it.
    Initiative.objects.filter(pk=initiative.pk).update(wijk=moerwijk, when_text="Zaterdag")
    initiative.refresh_from_db()
    assert not any("wat u wilt doen" in str(m) for m in missing_for_submission(initiative))


def test_neither_typed_nor_spoken_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(reverse("initiatives:new"), IDEA)
    assert "Vertel wat u wilt doen en waarom, of spreek het in." in response.content.decode()
    assert not Initiative.objects.exists()


def test_a_too_long_recording_is_refused_and_the_rest_kept(client, resident):
    client.force_login(resident)
    response = client.post(reverse("initiatives:new"), {**IDEA, "recording": wav_upload(121)})
    html = response.content.decode()
    assert "De opname is te lang: 2:01 minuten" in html
    assert 'value="Moestuin aan de Loosduinseweg"' in html and "Alle buren, jong en oud." in html
    assert not Initiative.objects.exists()


def test_a_text_file_named_wav_is_refused_and_the_rest_kept(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("initiatives:new"),
        {**IDEA, "what_why": "Samen tuinieren.", "recording": text_as_wav()},
    )
    html = response.content.decode()
    assert "Dit bestand is geen geluidsopname." in html and "Samen tuinieren." in html
    assert not Initiative.objects.exists()


def test_a_new_recording_replaces_the_old_and_remove_takes_it_away(
    client, resident, initiative_factory, django_capture_on_commit_callbacks
):
    initiative = initiative_factory(initiator=resident, what_why="")
    client.force_login(resident)
    data = {k: v for k, v in IDEA.items()}
    client.post(step_url(initiative, 1), {**data, "recording": wav_upload(2)})
    first = Recording.objects.get(initiative=initiative)
    first_path = first.audio.path
    page = client.get(step_url(initiative, 1)).content.decode()
    assert "U heeft al een opname van 0:02 minuten" in page and "Mijn opname weghalen" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(initiative, 1), {**data, "recording": wav_upload(3)})
    assert Recording.objects.get(initiative=initiative).seconds == pytest.approx(3)
    assert not os.path.exists(first_path)

    # Removing it without typing anything leaves no what and why: refused, recording kept.
    response = client.post(step_url(initiative, 1), {**data, "remove_recording": "on"})
    assert "of spreek het in" in response.content.decode()
    assert Recording.objects.filter(initiative=initiative).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url(initiative, 1),
            {**data, "what_why": "Samen tuinieren.", "remove_recording": "on"},
        )
    assert response.status_code == 302
    assert not Recording.objects.filter(initiative=initiative).exists()


@pytest.fixture
def spoken(client, resident, moerwijk, initiative_factory):
    """A submitted initiative in Moerwijk whose what and why is only spoken, and published."""
    initiative = initiative_factory(
        initiator=resident, what_why="", wijk=moerwijk, publish_consent=True
    )
    client.force_login(resident)
    client.post(step_url(initiative, 1), {**IDEA, "recording": wav_upload(2)})
    client.logout()
    return initiative_submit(initiative=initiative, actor=resident)


def test_the_initiators_and_the_wijk_broker_hear_it_nobody_else(
    client, spoken, resident, resident_factory, wijk_broker, broker_factory
):
    recording = Recording.objects.get(initiative=spoken)
    url = file_url(recording)

    client.force_login(resident)  # the initiator, on their own page
    assert (
        f'src="{url}"' in client.get(reverse("initiatives:mine", args=[spoken.pk])).content.decode()
    )
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "audio/x-wav"

    client.force_login(wijk_broker)
    detail = client.get(f"/beheer/initiatieven/{spoken.reference}/").content.decode()
    assert f'<audio controls preload="metadata" src="{url}">' in detail
    assert client.get(url).status_code == 200

    client.force_login(broker_factory())  # a broker of no wijk of this initiative
    assert client.get(url).status_code == 404
    client.force_login(resident_factory())  # another resident
    assert client.get(url).status_code == 404
    client.logout()
    # Published: its photos are public, its recording never (a voice says who it is).
    assert spoken.is_public
    assert client.get(url).status_code == 404
    public = client.get(reverse("initiatives:detail", args=[spoken.reference]))
    assert public.status_code == 200 and "<audio" not in public.content.decode()


def test_the_recording_goes_with_the_account(spoken, resident, django_capture_on_commit_callbacks):
    from accounts.services import user_delete

    path = Recording.objects.get(initiative=spoken).audio.path
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=resident)
    spoken.refresh_from_db()
    assert spoken.initiator is None  # the submitted initiative stays
    assert not Recording.objects.filter(initiative=spoken).exists()
    assert not os.path.exists(path)
