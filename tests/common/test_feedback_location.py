"""One coarse location for every public map: a report and an initiative at the same spot show
the same public point, at most half a cell (~28 m each way) from the real one, never the spot."""

import json
import math
import re

import pytest
from django.urls import reverse

from common.feedback.location import coarse_point
from initiatives.factories import InitiativeFactory
from initiatives.workflow import Status
from meldingen.factories import MeldingFactory

SPOT = (52.046712, 4.282655)  # a front door in Moerwijk


def metres(a, b) -> float:
    north = (a[0] - b[0]) * 111_320
    east = (a[1] - b[1]) * 111_320 * math.cos(math.radians(a[0]))
    return math.hypot(north, east)


def test_the_public_point_is_near_but_never_the_spot():
    point = coarse_point(*SPOT)
    assert point == (52.0465, 4.2824)
    assert point != SPOT and metres(point, SPOT) < 40
    assert coarse_point(None, 4.28) is None and coarse_point(52.0, None) is None


@pytest.mark.parametrize("step", range(12))
def test_every_public_point_is_within_half_a_cell_and_neighbours_share_it(step):
    near = (SPOT[0] + step * 0.000043, SPOT[1] + step * 0.000071)
    public = coarse_point(*near)
    assert abs(public[0] - near[0]) * 111_320 < 28 and metres(public, near) < 40
    # Two doors a few metres apart in one cell cannot be told apart on the map.
    cell = coarse_point(*near)
    assert coarse_point(cell[0] + 0.0002, cell[1] + 0.0003) == cell


@pytest.mark.django_db
def test_a_report_and_an_initiative_at_one_spot_show_the_same_public_point(client, wijken):
    melding = MeldingFactory(lat=SPOT[0], lon=SPOT[1], wijk=wijken["moerwijk"])
    initiative = InitiativeFactory(
        lat=SPOT[0],
        lon=SPOT[1],
        wijk=wijken["moerwijk"],
        status=Status.IN_UITVOERING,
        publish_consent=True,
        reference="IN-2031-00001",
    )
    assert melding.coarse_point() == initiative.coarse_point() == coarse_point(*SPOT)
    html = client.get(reverse("initiatives:index")).content.decode()
    markers = json.loads(
        re.search(r'id="initiatives-markers" type="application/json">(.*?)</script>', html)[1]
    )
    assert [(m["lat"], m["lon"]) for m in markers] == [coarse_point(*SPOT)]
    assert str(SPOT[0]) not in html and str(SPOT[1]) not in html
