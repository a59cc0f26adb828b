"""Reading the initiative funds: per wijk and year the total, what is granted, spent and left;
and the grants as rows for a CSV export."""

from dataclasses import dataclass

from django.db.models import Count, Q

from ..models import AccountabilityLine, Fund, Grant


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


def accountability_lines_for_export(*, year: int | None = None, wijk=None):
    """What was spent per budget line, against what was planned, for every accountability
    filed for a grant of that year; one row per line."""
    lines = AccountabilityLine.objects.select_related(
        "accountability",
        "accountability__initiative",
        "accountability__initiative__wijk",
        "accountability__initiative__grant",
        "accountability__initiative__grant__fund",
    ).order_by("accountability__submitted_at", "accountability_id", "pk")
    if year:
        lines = lines.filter(
            Q(accountability__initiative__grant__fund__year=year)
            | Q(
                accountability__initiative__grant__fund=None,
                accountability__initiative__grant__granted_at__year=year,
            )
        )
    if wijk is not None:
        lines = lines.filter(accountability__initiative__wijk=wijk)
    return lines
