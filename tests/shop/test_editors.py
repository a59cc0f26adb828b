"""Editors work in Wagtail: page previews, revisions, scheduled publishing (run by the
scheduler) and translations (nl, en). Residents and handlers do not edit pages."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from common.schedule import jobs
from shop.models import ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme(page_tree):
    return ThemePage.objects.get(slug="veilig-en-schoon", locale__language_code="nl")


@pytest.mark.parametrize(
    ("role", "allowed"), [("redacteur", True), ("behandelaar", False), ("bewoner", False)]
)
def test_editors_open_the_page_editor_and_its_preview(client, user_factory, theme, role, allowed):
    client.force_login(user_factory(role=role))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[theme.pk]))
    if not allowed:
        assert edit.status_code in (302, 403)
        return
    assert edit.status_code == 200
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[theme.pk])
    form = {
        "title": "Veilig en schoon (concept)",
        "slug": theme.slug,
        "number": theme.number,
        "ambition": theme.ambition,
        "summary": "Een nieuwe samenvatting die nog niet openbaar is.",
        "body-count": "0",
    }
    assert client.post(preview_url, form).json().get("is_valid") is True
    preview = client.get(preview_url)
    assert "Een nieuwe samenvatting die nog niet openbaar is." in preview.content.decode()
    # The public page has not changed.
    assert "nog niet openbaar" not in client.get(theme.url).content.decode()


def test_a_scheduled_revision_goes_live_when_the_scheduler_runs(
    client, theme, user_factory, monkeypatch
):
    editor = user_factory(role="redacteur")
    theme.summary = "Vanaf morgen: nieuwe afspraken over schone straten."
    revision = theme.save_revision(user=editor)
    revision.publish(user=editor)  # the published version now
    later = theme.get_latest_revision_as_object()
    later.summary = "Gepland: het nieuwe plan voor 2027."
    later.go_live_at = timezone.now() + dt.timedelta(minutes=5)
    scheduled = later.save_revision(user=editor)
    scheduled.publish(user=editor)  # with a go-live date in the future: only scheduled
    assert "Gepland: het nieuwe plan" not in client.get(theme.url).content.decode()
    assert "wagtail-scheduled-publishing" in jobs()

    # Ten minutes later the scheduler runs.
    real_now = timezone.now
    with monkeypatch.context() as m:
        m.setattr(timezone, "now", lambda: real_now() + dt.timedelta(minutes=10))
        call_command("housekeeping", only=["wagtail-scheduled-publishing"])
    assert "Gepland: het nieuwe plan voor 2027." in client.get(theme.url).content.decode()
    assert theme.revisions.count() >= 2  # the history is kept


def test_pages_exist_in_dutch_and_english_as_translations(theme):
    english = theme.get_translation_or_none(Locale.objects.get(language_code="en"))
    assert english is not None and english.live
    assert english.translation_key == theme.translation_key
