"""Point-in-polygon for GeoJSON wijk boundaries, in plain Python: a handful of polygons with a few
dozen vertices needs no GIS stack."""

from collections.abc import Iterable

Ring = list[list[float]]


def validate_geometry(geometry: dict) -> None:
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        raise ValueError("De grens moet een GeoJSON Polygon of MultiPolygon zijn.")
    for polygon in _polygons(geometry):
        for ring in polygon:
            if len(ring) < 4 or ring[0] != ring[-1]:
                raise ValueError("Elke ring heeft minstens 4 punten en sluit op het eerste punt.")
            for point in ring:
                lon, lat = point[0], point[1]
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise ValueError(f"Punt {point} ligt buiten de wereld (lengte, breedte).")


def _polygons(geometry: dict) -> Iterable[list[Ring]]:
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    else:
        yield from geometry["coordinates"]


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x_cross = (xj - xi) * (lat - yi) / (yj - yi) + xi
            if lon < x_cross:
                inside = not inside
        j = i
    return inside


def contains_point(geometry: dict, *, lat: float, lon: float) -> bool:
    """True when (lat, lon) lies inside the polygon(s), outside their holes."""
    for polygon in _polygons(geometry):
        outer, *holes = polygon
        if _in_ring(lon, lat, outer) and not any(_in_ring(lon, lat, h) for h in holes):
            return True
    return False
