import pytest
from django.core.exceptions import ValidationError

from common.loaders import load_wijken, read_wijken
from common.models import Wijk
from common.services import wijk_for_location, wijk_for_point, wijk_for_postcode

pytestmark = pytest.mark.django_db


def test_the_data_file_holds_the_wijken_of_zuidwest(wijken):
    assert {"bouwlust", "vrederust", "morgenstond", "moerwijk", "zuiderpark"} <= set(wijken)
    for wijk in wijken.values():
        assert wijk.postcode_ranges, wijk
        assert wijk.boundary["type"] in {"Polygon", "MultiPolygon"}


def test_loading_twice_keeps_one_row_per_wijk(wijken):
    load_wijken()
    assert Wijk.objects.count() == len(read_wijken())


@pytest.mark.parametrize(
    ("postcode", "slug"),
    [
        ("2531 AB", "moerwijk"),
        ("2532XY", "moerwijk"),
        ("2533SR", "zuiderpark"),  # Mr. P. Droogleever Fortuynweg, the park itself
        ("2541 GA", "bouwlust"),
        ("2541GB", "vrederust"),
        ("2541AA", "morgenstond"),
    ],
)
def test_a_postcode_maps_to_its_wijk(wijken, postcode, slug):
    assert wijk_for_postcode(postcode) == wijken[slug]


def test_a_postcode_outside_zuidwest_maps_to_nothing(wijken):
    assert wijk_for_postcode("2511 CV") is None  # the city hall, Spui


def test_a_non_postcode_is_an_error(wijken):
    with pytest.raises(ValueError, match="geen geldige postcode"):
        wijk_for_postcode("Melis Stokelaan")


def test_every_wijk_contains_a_point_of_its_own(wijken):
    for wijk in wijken.values():
        ring = wijk.boundary["coordinates"][0]
        lon = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
        lat = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
        found = wijk_for_point(lat=lat, lon=lon)
        # a centroid of a concave ring may fall outside; then it must not be in another wijk
        assert found in (wijk, None)


def test_a_point_far_away_maps_to_nothing(wijken):
    assert wijk_for_point(lat=52.3676, lon=4.9041) is None  # Amsterdam


def test_a_point_wins_over_a_postcode(wijken):
    ring = wijken["zuiderpark"].boundary["coordinates"][0]
    lon = sum(p[0] for p in ring[:-1]) / (len(ring) - 1)
    lat = sum(p[1] for p in ring[:-1]) / (len(ring) - 1)
    if wijk_for_point(lat=lat, lon=lon) != wijken["zuiderpark"]:
        pytest.skip("centroid outside the park polygon")
    assert wijk_for_location(postcode="2531AB", lat=lat, lon=lon) == wijken["zuiderpark"]
    assert wijk_for_location(postcode="2531AB") == wijken["moerwijk"]


def test_overlapping_postcodes_are_refused_when_editing(wijken):
    wijk = Wijk(name="Nieuw", slug="nieuw", postcode_ranges=["2531AA-2531BZ"])
    with pytest.raises(ValidationError) as error:
        wijk.full_clean()
    assert "overlapt" in str(error.value) and "Moerwijk" in str(error.value)


def test_a_broken_boundary_is_refused(wijken):
    wijk = Wijk(name="Nieuw", slug="nieuw", postcode_ranges=["9999"], boundary={"type": "Point"})
    with pytest.raises(ValidationError, match="Polygon"):
        wijk.full_clean()
