"""The initiatives fund in the admin takes euros, like every other amount: "600" is € 600."""

import pytest
from django.urls import reverse

from initiatives.models import Fund

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_initiatives_fund:add"


@pytest.mark.parametrize(("typed", "cents"), [("600", 60_000), ("600,50", 60_050)])
def test_the_fund_budget_is_typed_in_euros(client, coordinator, moerwijk, typed, cents):
    client.force_login(coordinator)
    response = client.post(reverse(ADD), {"wijk": moerwijk.pk, "year": 2027, "total_cents": typed})
    assert response.status_code == 302
    assert Fund.objects.get().total_cents == cents


def test_a_wrong_amount_is_refused_and_kept(client, coordinator, moerwijk):
    client.force_login(coordinator)
    response = client.post(
        reverse(ADD), {"wijk": moerwijk.pk, "year": 2027, "total_cents": "zeshonderd"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Vul een bedrag in euro" in html
    assert 'value="zeshonderd"' in html and not Fund.objects.exists()


def test_the_edit_form_shows_euros(client, coordinator, moerwijk):
    fund = Fund.objects.create(wijk=moerwijk, year=2027, total_cents=2_500_000)
    client.force_login(coordinator)
    url = reverse("wagtailsnippets_initiatives_fund:edit", args=[fund.pk])
    html = client.get(url).content.decode()
    assert 'value="25000,00"' in html and "Budget (euro)" in html


def test_a_broker_cannot_add_a_fund(client, broker, moerwijk):
    client.force_login(broker)
    response = client.post(reverse(ADD), {"wijk": moerwijk.pk, "year": 2027, "total_cents": "600"})
    assert response.status_code in (302, 403) and not Fund.objects.exists()
