"""Public reports are numbered without gaps: a sensitive report in between takes its number
from its own sequence (ZWV-…), so the public list does not reveal when one came in."""

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from common.models import ReferenceCounter
from meldingen.services import Intake, melding_create

pytestmark = pytest.mark.django_db


def report(categories, slug: str):
    intake = Intake(
        category=categories[slug],
        description="Er is iets aan de hand bij de flat.",
        postcode="2532AB",
        email="melder@example.org",
    )
    return melding_create(intake=intake, photos=[])


def number(reference: str) -> int:
    return int(reference.rsplit("-", 1)[1])


def test_a_sensitive_report_leaves_no_gap_in_the_public_numbers(
    categories, django_capture_on_commit_callbacks
):
    year = timezone.localtime().year
    with django_capture_on_commit_callbacks(execute=True):
        before, _ = report(categories, "lantaarnpaal")
        sensitive, secret = report(categories, "drugshandel")
        after, _ = report(categories, "lantaarnpaal")

    assert before.reference.startswith(f"ZW-{year}-")
    assert after.reference.startswith(f"ZW-{year}-")
    assert number(after.reference) == number(before.reference) + 1
    assert sensitive.reference == f"ZWV-{year}-00001"
    assert {(c.prefix, c.year, c.last) for c in ReferenceCounter.objects.all()} == {
        ("ZW", year, number(after.reference)),
        ("ZWV", year, 1),
    }
    # The sensitive reference works where references are used: the reporter's follow link.
    assert sensitive.reference in mail.outbox[1].body
    page = Client().get(f"/melden/volg/{sensitive.reference}/{secret}/")
    assert page.status_code == 200 and sensitive.reference in page.content.decode()


def test_the_public_list_and_open311_show_only_the_public_sequence(client, categories):
    public, _ = report(categories, "lantaarnpaal")
    sensitive, _ = report(categories, "drugshandel")
    listed = client.get("/open311/v2/requests.json").json()
    ids = {row["service_request_id"] for row in listed}
    assert public.reference in ids and sensitive.reference not in ids
    assert client.get(f"/open311/v2/requests/{sensitive.reference}.json").status_code == 404
    assert sensitive.reference not in client.get("/meldingen/").content.decode()
