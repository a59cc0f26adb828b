"""The initiatives fund in the admin takes euros, like every other amount: "600" is € 600; and
its list shows euros in the staff member's language, never the cents the database keeps."""

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


LIST = "wagtailsnippets_initiatives_fund:list"


def test_the_fund_list_shows_euros_not_cents(client, coordinator, moerwijk):
    fund = Fund.objects.create(wijk=moerwijk, year=2027, total_cents=2_500_000)
    Fund.objects.filter(pk=fund.pk).update(granted_cents=60_050)  # as initiative_grant books it
    client.force_login(coordinator)
    html = client.get(reverse(LIST)).content.decode()
    for euros in ("€ 25.000,00", "€ 600,50", "€ 24.399,50"):  # budget, granted, still left
        assert euros in html, euros
    for cents in ("2500000", "60050", "2439950"):
        assert cents not in html, cents
    assert "centen" not in html  # no column is headed with the model's field in cents


def test_the_fund_list_writes_euros_the_way_the_staff_member_s_language_does(
    client, user_factory, moerwijk
):
    from wagtail.users.models import UserProfile

    Fund.objects.create(wijk=moerwijk, year=2027, total_cents=2_500_000)
    staff = user_factory(role="coordinator")
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"  # the admin's own language setting (account, preferences)
    profile.save()
    client.force_login(staff)
    html = client.get(reverse(LIST)).content.decode()
    assert "€25,000.00" in html and "2500000" not in html


def test_the_edit_form_speaks_of_euros_only(client, coordinator, moerwijk):
    fund = Fund.objects.create(wijk=moerwijk, year=2027, total_cents=2_500_000)
    client.force_login(coordinator)
    html = client.get(reverse("wagtailsnippets_initiatives_fund:edit", args=[fund.pk])).content
    assert "centen" not in html.decode() and "2500000" not in html.decode()


def test_a_budget_below_what_was_granted_is_refused_in_euros(client, coordinator, moerwijk):
    fund = Fund.objects.create(wijk=moerwijk, year=2027, total_cents=2_500_000)
    Fund.objects.filter(pk=fund.pk).update(granted_cents=60_050)
    client.force_login(coordinator)
    response = client.post(
        reverse("wagtailsnippets_initiatives_fund:edit", args=[fund.pk]),
        {"wijk": moerwijk.pk, "year": 2027, "total_cents": "500"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is al € 600,50 toegekend" in html and "60050" not in html
    fund.refresh_from_db()
    assert fund.total_cents == 2_500_000
