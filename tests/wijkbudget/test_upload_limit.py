"""A budget plan with a photo counts against the one upload limit of common.ratelimit."""

import pytest
from django.urls import reverse

from participation.wijkbudget.models import Proposal
from tests.common.uploads import REFUSED, allow_uploads, forbid_decoding, jpeg

pytestmark = pytest.mark.django_db


def test_a_plan_photo_over_the_limit_is_refused_and_the_plan_kept(
    client, ideas_round, resident, monkeypatch
):
    allow_uploads(monkeypatch, 1)
    client.force_login(resident)
    url = reverse("participation:propose", args=[ideas_round.slug])
    plan = {"title": "Bankjes", "description": "Rust", "estimated_cost": "100"}
    assert client.post(url, {**plan, "photo": jpeg()}).status_code == 302  # under the limit

    forbid_decoding(monkeypatch, "participation.wijkbudget.forms")
    response = client.post(url, {**plan, "title": "Bomen", "photo": jpeg()})

    assert response.status_code == 429
    html = response.content.decode()
    assert REFUSED in html and 'value="Bomen"' in html
    assert list(Proposal.objects.values_list("title", flat=True)) == ["Bankjes"]
