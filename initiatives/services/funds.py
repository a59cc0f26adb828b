"""Reading the initiative funds: per wijk and year the total, what is granted, spent and left;
and the grants as rows for a CSV export."""

from dataclasses import dataclass

from django.db.models import Count, Q

from ..models import Fund, Grant


@dataclass
class FundLine:
    fund: Fund
    total_cents: int
    granted_cents: int
    spent_cents: int
    remaining_cents: int
    grant_count: int


def fund_overview(*, year: int | None = None, wijk=None) -> list[FundLine]:
    """One line per fund, in two queries however many funds and grants there are."""
    funds = Fund.objects.select_related("wijk").with_spent()
    if year:
        funds = funds.filter(year=year)
    if wijk is not None:
        funds = funds.filter(wijk=wijk)
    counts = dict(
        Grant.objects.filter(released_at=None, fund__in=funds.values("pk"))
        .values_list("fund_id")
        .annotate(n=Count("pk"))
        .values_list("fund_id", "n")
    )
    return [
        FundLine(
            fund=fund,
            total_cents=fund.total_cents,
            granted_cents=fund.granted_cents,
            spent_cents=fund.spent_cents,
            remaining_cents=fund.remaining_cents,
            grant_count=counts.get(fund.pk, 0),
        )
        for fund in funds
    ]


def grants_for_export(*, year: int | None = None, wijk=None):
    grants = Grant.objects.select_related(
        "initiative", "initiative__wijk", "initiative__accountability", "fund", "granted_by"
    ).order_by("granted_at", "pk")
    if year:
        grants = grants.filter(Q(fund__year=year) | Q(fund=None, granted_at__year=year))
    if wijk is not None:
        grants = grants.filter(initiative__wijk=wijk)
    return grants
