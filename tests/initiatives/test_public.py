"""The public gallery at /initiatieven/, one initiative's page, steun and 'ik doe mee'."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from initiatives.models import Initiative, Support, Volunteer
from initiatives.services import (
    initiative_add_attachment,
    initiative_add_photo,
    initiative_decline,
    initiative_volunteer,
)
from initiatives.workflow import Status

pytestmark = pytest.mark.django_db

GALLERY = "/initiatieven/"


def page_of(initiative) -> str:
    return reverse("initiatives:detail", args=[initiative.reference])


def test_only_published_initiatives_are_in_the_gallery(
    client, submit, taken, initiative_factory, moerwijk, wijk_broker
):
    shown = submit(publish_consent=True, title="Taalcafé in de bieb")
    private = submit(publish_consent=False, title="Geheim plan")
    draft = initiative_factory(wijk=moerwijk, publish_consent=True, title="Nog een concept")
    declined = taken(publish_consent=True, title="Afgewezen plan")
    initiative_decline(
        initiative=declined, actor=wijk_broker, reasons=["commercieel"], public_message="Nee"
    )
    html = client.get(GALLERY).content.decode()
    assert shown.title in html
    for hidden in (private, draft, declined):
        assert hidden.title not in html
    assert client.get(page_of(shown)).status_code == 200
    assert client.get(page_of(private)).status_code == 404
    assert client.get(page_of(declined)).status_code == 404


def test_the_gallery_filters_without_javascript(client, submit, wijken):
    moerwijk_idea = submit(publish_consent=True, title="Moestuin", theme="groen_en_schoon")
    bouwlust_idea = submit(
        publish_consent=True,
        title="Voetbaltoernooi",
        theme="sport_en_bewegen",
        wijk=wijken["bouwlust"],
    )
    html = client.get(GALLERY, {"wijk": "bouwlust"}).content.decode()
    assert bouwlust_idea.title in html and moerwijk_idea.title not in html
    html = client.get(GALLERY, {"thema": "groen_en_schoon"}).content.decode()
    assert moerwijk_idea.title in html and bouwlust_idea.title not in html
    html = client.get(GALLERY, {"status": "in_gesprek"}).content.decode()
    assert "0 initiatieven gevonden" in html
    html = client.get(GALLERY, {"wijk": "bestaat-niet"}).content.decode()
    assert "Kies een geldige optie" in html or "Selecteer een geldige keuze" in html


def test_the_gallery_does_not_grow_in_queries_with_its_rows(
    client, submit, fund, django_assert_max_num_queries
):
    submit(publish_consent=True)
    client.get(GALLERY)
    with django_assert_max_num_queries(12) as few:
        client.get(GALLERY)
    for _ in range(10):
        initiative = submit(publish_consent=True)
        image = _image()
        initiative_add_photo(initiative=initiative, actor=initiative.initiator, image=image)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(GALLERY)
    assert response.content.decode().count('class="initiative-card"') == 11


def _image():
    import io

    from PIL import Image

    from common.images import sanitise_image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "blue").save(buffer, "JPEG")
    return sanitise_image(SimpleUploadedFile("x.jpg", buffer.getvalue(), "image/jpeg"))


def test_fund_totals_are_public(grant, client, fund, taken, wijk_broker):
    grant(taken(), 12_350)
    html = client.get(GALLERY).content.decode()
    # Round amounts without ',00' so the table fits a phone; cents when there are any.
    assert "Initiatievenfonds" in html and "€ 1.000<" in html
    assert "€ 123,50" in html and "€ 876,50" in html


def test_the_public_timeline_shows_steps_not_private_messages(client, taken, wijk_broker):
    initiative = taken(publish_consent=True)
    html = client.get(page_of(initiative)).content.decode()
    assert "In gesprek met de gemeente" in html
    assert "Dag! Ik ben uw makelaar." not in html
    assert initiative.initiator.email not in html


def test_steun_needs_an_account_and_counts_once(client, submit, resident):
    initiative = submit(publish_consent=True)
    url = reverse("initiatives:support", args=[initiative.reference])
    response = client.post(url)
    assert response["Location"] == f"/accounts/login/?next={page_of(initiative)}"
    client.force_login(resident)
    client.post(url)
    html = client.post(url, follow=True).content.decode()
    assert "U steunt dit initiatief al" in html
    initiative.refresh_from_db()
    assert initiative.support_count == 1 and Support.objects.count() == 1
    assert "1 buurtbewoner steunt dit" in html


def test_ik_doe_mee_and_the_initiator_sees_contact_only_when_agreed(
    client, submit, resident_factory
):
    initiative = submit(publish_consent=True)
    url = reverse("initiatives:volunteer", args=[initiative.reference])
    shy, open_ = resident_factory(), resident_factory()
    client.force_login(shy)
    html = client.post(
        url, {"name": "", "email": "fout", "message": "Ik bak taart"}
    ).content.decode()
    assert "Vul uw naam in." in html and "Dit e-mailadres klopt niet" in html
    assert "Ik bak taart" in html
    client.post(url, {"name": "Stille Sam", "email": "sam@example.org", "phone": "0612345678"})
    initiative_volunteer(
        initiative=initiative,
        user=open_,
        name="Open Olga",
        email="olga@example.org",
        share_contact=True,
    )
    assert Volunteer.objects.count() == 2
    client.force_login(initiative.initiator)
    html = client.get(reverse("initiatives:mine", args=[initiative.pk])).content.decode()
    assert "Stille Sam" in html and "sam@example.org" not in html and "0612345678" not in html
    assert "Open Olga" in html and "olga@example.org" in html


def test_photos_are_public_only_when_published_and_pdfs_never(client, submit, resident):
    initiative = submit(publish_consent=False)
    photo = initiative_add_photo(initiative=initiative, actor=initiative.initiator, image=_image())
    Initiative.objects.filter(pk=initiative.pk).update(status=Status.CONCEPT)
    initiative.refresh_from_db()
    pdf = initiative_add_attachment(
        initiative=initiative, actor=initiative.initiator, data=b"%PDF-1.4 test", name="plan.pdf"
    )
    photo_url = reverse("initiatives:file", args=["foto", photo.pk])
    pdf_url = reverse("initiatives:file", args=["bijlage", pdf.pk])
    assert client.get(photo_url).status_code == 404
    Initiative.objects.filter(pk=initiative.pk).update(
        status=Status.INGEDIEND, publish_consent=True
    )
    response = client.get(photo_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert client.get(pdf_url).status_code == 404
    client.force_login(resident)
    assert client.get(pdf_url).status_code == 404
    client.force_login(initiative.initiator)
    response = client.get(pdf_url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


def test_the_map_shows_coarse_places_only(client, submit):
    initiative = submit(publish_consent=True, lat=52.041234, lon=4.281234)
    html = client.get(GALLERY).content.decode()
    assert 'id="initiatives-markers"' in html
    assert "52.041" in html and "52.041234" not in html and "4.281234" not in html
    assert page_of(initiative) in html
