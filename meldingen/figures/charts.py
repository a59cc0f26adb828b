"""Charts drawn on the server: no JavaScript, no chart library, readable on a 360 px phone.

Bars run horizontally, one row per month, so the labels stay large on a narrow screen. The bars are
one SVG with a `<title>` and `<desc>` for screen readers; the month names and totals beside them
are HTML text, so they keep the visitor's font size and their contrast can be checked (text inside
an SVG cannot be measured by axe). A chart is never the only way to read the numbers: the page
shows the same numbers in a table. Colours have at least 3:1 contrast with the white background,
and white gaps separate the parts of a bar.
"""

from dataclasses import dataclass

from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .stats import Monthly

# Dark enough for 3:1 against white (WCAG 1.4.11), and far enough apart from each other.
PALETTE = [
    "#1f5f9e",  # blue
    "#2e7d32",  # green
    "#8e3b8f",  # purple
    "#b04a00",  # orange
    "#505a64",  # slate
    "#a3214a",  # raspberry
    "#00707a",  # teal
    "#6b5a00",  # olive
]

# SVG user units: the bars stretch to the width of their column (preserveAspectRatio="none"),
# one row per label, as tall as a line of the HTML labels beside them (see the stylesheet).
BAR_SPACE = 100
ROW_HEIGHT = 28
BAR_HEIGHT = 18


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str


@dataclass(frozen=True)
class Chart:
    html: SafeString
    legend: list[LegendItem]


def _number(value: float) -> str:
    """SVG coordinates with two decimals, without trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def stacked_bars(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    series: list[str],
    rows: list[list[int]],
) -> Chart:
    """One horizontal bar per label, stacked from the values of each series; the label before
    and the total after each bar."""
    longest = max((sum(values) for values in rows), default=0) or 1
    height = ROW_HEIGHT * len(labels)
    rects = []
    for index, values in enumerate(rows):
        x = 0.0
        for series_index, value in enumerate(values):
            if not value:
                continue
            width = BAR_SPACE * value / longest
            rects.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff" '
                    'stroke-width="1" vector-effect="non-scaling-stroke"/>',
                    _number(x),
                    index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                    _number(width),
                    BAR_HEIGHT,
                    colour(series_index),
                )
            )
            x += width
    svg = format_html(
        '<svg class="bar-chart__bars" viewBox="0 0 {width} {height}" preserveAspectRatio="none"'
        ' role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{rects}</svg>',
        width=BAR_SPACE,
        height=height,
        id=chart_id,
        title=title,
        desc=description,
        rects=mark_safe("".join(rects)),  # noqa: S308 – each part was built by format_html
    )
    # The labels and totals repeat what the SVG and the table say: hidden from screen readers.
    # The bars fill the plot, which is as tall as the column of labels beside it: no style
    # attribute needed (the Content-Security-Policy allows none).
    html = format_html(
        '<div class="bar-chart">'
        '<div class="bar-chart__labels" aria-hidden="true">{}</div>'
        '<div class="bar-chart__plot">{}</div>'
        '<div class="bar-chart__totals" aria-hidden="true">{}</div></div>',
        format_html_join("", "<span>{}</span>", ((label,) for label in labels)),
        svg,
        format_html_join("", "<span>{}</span>", ((sum(values),) for values in rows)),
    )
    legend = [LegendItem(name, colour(i)) for i, name in enumerate(series)]
    return Chart(html=html, legend=legend)


def month_label(month) -> str:
    return date_format(month, "M Y")


def monthly_chart(monthly: Monthly, *, chart_id: str, category_label) -> Chart:
    """The "meldingen per maand" chart of a wijk page; `category_label(category)` names a
    series in the visitor's language."""
    table = monthly.rows()
    busiest = max(table, key=lambda row: row[2])
    description = " ".join(
        [
            _("Staafdiagram: het aantal meldingen per maand, per soort melding."),
            ngettext(
                "In twaalf maanden was er %(count)s melding.",
                "In twaalf maanden waren er %(count)s meldingen.",
                monthly.total,
            )
            % {"count": monthly.total},
            _("De drukste maand was %(month)s, met %(count)s.")
            % {"month": date_format(busiest[0], "F Y"), "count": busiest[2]},
            _("Dezelfde cijfers staan in de tabel."),
        ]
    )
    return stacked_bars(
        chart_id=chart_id,
        title=_("Meldingen per maand"),
        description=description,
        labels=[month_label(month) for month, _values, _total in table],
        series=[category_label(category) for category in monthly.categories],
        rows=[values for _month, values, _total in table],
    )


def legend_html(chart: Chart) -> SafeString:
    """The legend as an HTML list (it wraps on a phone, unlike text inside an SVG)."""
    return format_html(
        '<ul class="chart-legend">{}</ul>',
        format_html_join(
            "",
            '<li><svg class="chart-legend__swatch" viewBox="0 0 8 8" aria-hidden="true"'
            ' focusable="false"><rect width="8" height="8" rx="1" fill="{}"/></svg>{}</li>',
            ((item.colour, item.label) for item in chart.legend),
        ),
    )
