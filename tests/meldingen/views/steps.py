"""Walking the four steps of the report form, as a resident does."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def report(client, categories, *, slug="lantaarnpaal", photo=None, **details):
    assert (
        client.post(reverse("meldingen:index"), {"category": categories[slug].pk}).status_code
        == 302
    )
    response = client.post(reverse("meldingen:where"), {"postcode": "2532 AB", "huisnummer": "12"})
    assert response.status_code == 302, response.content.decode()[:2000]
    files = {"photo_1": SimpleUploadedFile("lamp.jpg", photo, "image/jpeg")} if photo else {}
    assert client.post(reverse("meldingen:photos"), files).status_code == 302
    data = {
        "description": "De lamp is kapot.",
        "email": "bewoner@example.org",
        "keep_informed": "on",
    }
    data.update(details)  # a `recording` is an upload, sent as the multipart form it is
    return client.post(reverse("meldingen:details"), data)
