import pytest

from common.geo import contains_point, validate_geometry

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.0, 52.0], [4.1, 52.0], [4.1, 52.1], [4.0, 52.1], [4.0, 52.0]]],
}
WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        SQUARE["coordinates"][0],
        [[4.04, 52.04], [4.06, 52.04], [4.06, 52.06], [4.04, 52.06], [4.04, 52.04]],
    ],
}


def test_point_inside_and_outside():
    assert contains_point(SQUARE, lat=52.05, lon=4.05)
    assert not contains_point(SQUARE, lat=52.05, lon=4.15)
    assert not contains_point(SQUARE, lat=51.99, lon=4.05)


def test_a_hole_is_outside():
    assert not contains_point(WITH_HOLE, lat=52.05, lon=4.05)
    assert contains_point(WITH_HOLE, lat=52.02, lon=4.02)


def test_multipolygon():
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}
    assert contains_point(multi, lat=52.05, lon=4.05)


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [4, 52]},
        {"type": "Polygon", "coordinates": [[[4, 52], [4.1, 52], [4.1, 52.1]]]},
        {"type": "Polygon", "coordinates": [[[4, 52], [4.1, 52], [4.1, 95], [4, 52]]]},
    ],
)
def test_invalid_geometries_are_refused(geometry):
    with pytest.raises(ValueError):
        validate_geometry(geometry)
