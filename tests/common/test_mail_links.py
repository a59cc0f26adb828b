"""Links in mails carry the language of the mail (common.mailtext.mail_url): whoever's request
built the path, a Turkish resident lands on the Turkish site."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from common.mailtext import mail_url
from common.notifications import notify, render_notification

pytestmark = pytest.mark.django_db
BASE = settings.ZUIDWEST_BASE_URL.rstrip("/")


def test_a_path_built_in_dutch_gets_the_prefix_of_the_mail():
    path = reverse("meldingen:follow", args=["ZW-2026-00001", "geheim"])
    assert not path.startswith("/tr/")
    assert mail_url(path, "tr") == f"{BASE}/tr{path}"
    assert mail_url(path, "ar") == f"{BASE}/ar{path}"
    assert mail_url(path, "nl") == f"{BASE}{path}"


def test_a_path_built_in_another_language_is_moved_to_the_mails():
    with translation.override("en"):
        path = reverse("meldingen:follow", args=["ZW-2026-00001", "geheim"])
    assert path.startswith("/en/")
    assert mail_url(path, "nl") == BASE + path.removeprefix("/en")
    assert mail_url(path, "pl") == BASE + "/pl" + path.removeprefix("/en")


def test_staff_pages_and_other_sites_keep_their_address():
    assert mail_url("/beheer/meldingen/ZW-2026-00001/", "tr") == (
        f"{BASE}/beheer/meldingen/ZW-2026-00001/"
    )
    assert mail_url("https://www.denhaag.nl/", "tr") == "https://www.denhaag.nl/"
    assert mail_url("", "tr") == ""


def test_a_rendered_mail_carries_its_language_in_links_and_in_html():
    with translation.override("nl"):
        path = reverse("initiatives:index")
    notification = notify(
        event="initiative_received",
        context={"title": "Moestuin", "reference": "INI-1", "deadline": "1 maart", "url": path},
        email="melder@example.org",
        language="ar",
    )
    _subject, text, html = render_notification(notification)
    assert '<html lang="ar" dir="rtl">' in html
    assert f'href="{BASE}/ar{path}"' in html
    assert f"{BASE}/ar/mijn/" in text
