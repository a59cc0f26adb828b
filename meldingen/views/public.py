"""Public pages of the reports: the list and map of /meldingen/, the statistics per wijk and for
all of Zuidwest, and the after-photos of handled reports.

Everything here starts from `Melding.objects.public()`: sensitive and merged reports never reach
a template. Of a report only the reference, category, wijk, public status, date, supporters and
the text a handler approved (`public_description`) are shown; its location only as the coarse
point of `coarse_point()`.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.feedback.language import in_every_language
from common.models import Wijk

from ..figures import charts, stats
from ..figures.filters import FilterForm, category_label
from ..models import Melding, Photo

PAGE_SIZE = 25
# The map's label of a report: its category's and main category's name in every language.
NAME_COLUMNS = in_every_language("category__name", "category__parent__name")
MAP_LIMIT = 1000  # the newest; the list pages through the rest
PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}


def _listed(meldingen):
    return meldingen.select_related("category__parent", "wijk")


@require_safe
def index(request):
    form = FilterForm(request.GET or None)
    meldingen = _listed(form.filter(Melding.objects.public()))
    page = Paginator(meldingen, PAGE_SIZE).get_page(request.GET.get("pagina"))
    for melding in page:
        melding.category_name = category_label(melding.category)
    return render(
        request,
        "meldingen/public/index.html",
        {
            "title": _("Meldingen in Zuidwest"),
            "form": form,
            "page_obj": page,
            "wijken": Wijk.objects.ordered(),
        },
    )


@require_safe
def map_json(request):
    """The reports of the list as GeoJSON points, for the map. Same filters as the list; only
    coarse points, never the exact location."""
    form = FilterForm(request.GET or None)
    meldingen = (
        form.filter(Melding.objects.public())
        .filter(lat__isnull=False, lon__isnull=False)
        .select_related("category__parent")
        .only(
            "reference",
            "status",
            "lat",
            "lon",
            "category__parent",
            *NAME_COLUMNS,
        )
    )
    rows = list(meldingen[: MAP_LIMIT + 1])
    features = []
    for melding in rows[:MAP_LIMIT]:
        lat, lon = melding.coarse_point()
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "reference": melding.reference,
                    "category": category_label(melding.category),
                    "label": str(melding.public_label),
                    "open": melding.is_open,
                },
            }
        )
    response = JsonResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "truncated": len(rows) > MAP_LIMIT,
        }
    )
    patch_cache_control(response, max_age=60)
    return response


def _month_rows(monthly: stats.Monthly) -> list[tuple]:
    """(month, total, [(category, count) for the categories with reports that month]): a table
    narrow enough for a phone, whatever the number of categories."""
    names = [category_label(c) for c in monthly.categories]
    return [
        (month, total, [(name, n) for name, n in zip(names, values, strict=True) if n])
        for month, values, total in monthly.rows()
    ]


@require_safe
def wijk(request, slug: str):
    wijk = get_object_or_404(Wijk, slug=slug)
    meldingen = Melding.objects.public().in_wijk(wijk)
    monthly = stats.monthly_by_category(meldingen)
    chart = None
    if not monthly.is_empty:
        chart = charts.monthly_chart(
            monthly, chart_id="chart-maanden", category_label=category_label
        )
    outcomes = stats.outcomes(meldingen)
    for melding in outcomes:
        melding.category_name = category_label(melding.category)
    return render(
        request,
        "meldingen/public/wijk.html",
        {
            "title": _("Meldingen in %(wijk)s") % {"wijk": wijk.name},
            "wijk": wijk,
            "figures": stats.figures(meldingen),
            "monthly": monthly,
            "monthly_rows": _month_rows(monthly),
            "chart": chart,
            "legend": charts.legend_html(chart) if chart else "",
            "outcomes": outcomes,
        },
    )


@require_safe
def overview(request):
    meldingen = Melding.objects.public()
    by_wijk = stats.figures_by_wijk(meldingen)
    rows = [(w, by_wijk.get(w.pk) or stats.Figures()) for w in Wijk.objects.ordered()]
    return render(
        request,
        "meldingen/public/cijfers.html",
        {
            "title": _("Cijfers over meldingen in Zuidwest"),
            "rows": rows,
            "total": stats.figures(meldingen),
            "channels": stats.by_channel(meldingen),
        },
    )


@require_safe
def photo(request, photo_id: int, size: str = "klein"):
    """An after-photo of a public report, streamed from private storage. Photos of reporters,
    and any photo of a sensitive or merged report, do not exist here (404)."""
    found = get_object_or_404(
        Photo.objects.filter(kind=Photo.Kind.AFTER, melding__in=Melding.objects.public()),
        pk=photo_id,
    )
    return found.serve(size, public=True, max_age=600)
