"""The demo data for `seed_demo`: every state a visitor should see, real fund bookings, and
spreekuren next week; a second run changes nothing."""

import pytest
from django.utils import timezone

from demo.initiatives import seed_demo_initiatives
from initiatives.models import ConsultationHour, Fund, Initiative

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_kind_of_initiative_and_runs_twice(wijken):
    made = seed_demo_initiatives()
    assert made == {"funds": 5, "initiatives": 6, "spreekuren": 2}
    states = set(Initiative.objects.values_list("status", flat=True))
    assert {"concept", "ingediend", "in_gesprek", "in_uitvoering", "afgerond"} <= states
    assert "doorverwezen" in states
    assert Initiative.objects.public().count() == 5
    moestuin = Initiative.objects.get(title="Moestuin op het Hengelolaanveldje")
    assert moestuin.messages.count() == 1 and moestuin.support_count == 1
    year = timezone.localtime().year
    morgenstond = Fund.objects.get(wijk=wijken["morgenstond"], year=year)
    assert morgenstond.remaining_cents == 2_000_000 - 100_000
    next_week = ConsultationHour.objects.upcoming()
    assert next_week.count() == 2
    assert all(h.starts_at.date() > timezone.localdate() for h in next_week)

    assert seed_demo_initiatives() == {"funds": 0, "initiatives": 0, "spreekuren": 0}
    assert Initiative.objects.count() == 6 and ConsultationHour.objects.count() == 2
