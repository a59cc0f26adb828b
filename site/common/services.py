"""Services of the common app: finding the wijk for a postcode or a point."""

from .geo import contains_point
from .models import Wijk
from .postcodes import normalise_postcode


def wijk_for_postcode(postcode: str) -> Wijk | None:
    """The wijk a postcode belongs to, or None when it lies outside Zuidwest.
    Raises ValueError for something that is not a postcode."""
    code = normalise_postcode(postcode)
    for wijk in Wijk.objects.only("id", "name", "slug", "postcode_ranges"):
        if any(r.contains(code) for r in wijk.ranges()):
            return wijk
    return None


def wijk_for_point(*, lat: float, lon: float) -> Wijk | None:
    """The wijk whose boundary holds the point, or None."""
    for wijk in Wijk.objects.filter(boundary__isnull=False).only("id", "name", "slug", "boundary"):
        if wijk.boundary and contains_point(wijk.boundary, lat=lat, lon=lon):
            return wijk
    return None


def wijk_for_location(
    *, postcode: str | None = None, lat: float | None = None, lon: float | None = None
) -> Wijk | None:
    """One entry for forms: a point wins over a postcode, because a pin is more precise."""
    if lat is not None and lon is not None:
        found = wijk_for_point(lat=lat, lon=lon)
        if found:
            return found
    if postcode:
        return wijk_for_postcode(postcode)
    return None
