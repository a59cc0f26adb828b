"""Site search in a real browser at phone width (360 px), axe on every page: a resident searches
from the home page, opens a report category, an initiative and a wijkbudget plan."""

import pytest

from initiatives.factories import InitiativeFactory
from initiatives.workflow import Status
from participation.wijkbudget.factories import ProposalFactory, RoundFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def search_from_home(visitor, words: str):
    visitor.goto("/")
    page = visitor.page
    page.get_by_role("searchbox", name="Waar zoekt u naar?").fill(words)
    visitor.follow(page.get_by_role("button", name="Zoeken"))


def test_search_finds_a_category_an_initiative_and_a_plan(visitor, page_tree, wijken):
    from common.loaders import load_afdelingen
    from meldingen.loaders import load_categories

    load_afdelingen()
    load_categories()
    moerwijk = wijken["moerwijk"]
    InitiativeFactory(
        title="Moestuin op het veldje",
        wijk=moerwijk,
        reference="IN-2026-09010",
        status=Status.INGEDIEND,
        publish_consent=True,
    )
    ProposalFactory(round=RoundFactory(wijken=[moerwijk], slug="moerwijk"), title="Buurtmoestuin")
    page = visitor.page
    assert page.viewport_size["width"] == 360

    search_from_home(visitor, "lantaarnpaal")
    assert page.get_by_role("heading", name="Meldingen: wat kunt u melden (1)").is_visible()
    visitor.follow(page.get_by_role("link", name="Lantaarnpaal of straatlicht kapot"))
    assert page.url.split("?")[0].endswith("/melden/")
    assert page.get_by_label("Lantaarnpaal of straatlicht kapot").is_visible()

    search_from_home(visitor, "moestuin")
    assert page.get_by_role("heading", name="Initiatieven (1)").is_visible()
    assert page.get_by_role("heading", name="Wijkbudget-plannen (1)").is_visible()
    visitor.follow(page.get_by_role("link", name="Moestuin op het veldje"))
    assert page.get_by_role("heading", name="Moestuin op het veldje", level=1).is_visible()
    page.go_back()
    visitor.follow(page.get_by_role("link", name="Buurtmoestuin"))
    assert page.get_by_role("heading", name="Buurtmoestuin", level=1).is_visible()
