"""Pictograms beside words in a real browser at phone width (issue 12, item 8), with axe on
every page (see conftest): the status pictures on the public list and the follow page, the
main category's picture beside each subcategory of the intake, and the plan and money pictures
on the ballot. Each picture is sized by CSS (1.5 or 2 rem), loaded, beside its word, nothing
scrolls sideways at 360 px, and in Arabic only the arrows turn round."""

import pytest

from tests.e2e.conftest import Visitor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def pictures(page, selector: str) -> list[dict]:
    """What the browser made of each picture: its size, whether it loaded, its alt, whether it
    is turned round, and whether it sits on one line with the word after it."""
    return page.eval_on_selector_all(
        selector,
        """imgs => imgs.map(img => {
          const box = img.getBoundingClientRect();
          const word = img.nextElementSibling.getBoundingClientRect();
          return {
            src: img.getAttribute('src').split('/').pop(),
            alt: img.getAttribute('alt'),
            width: box.width, height: box.height,
            loaded: img.complete && img.naturalWidth > 0,
            mirrored: getComputedStyle(img).transform.startsWith('matrix(-1'),
            beside: word.top < box.bottom && box.top < word.bottom,
          };
        })""",
    )


def assert_decorative(found: list[dict], size: int) -> None:
    assert found
    for picture in found:
        assert picture["alt"] == "" and picture["loaded"] and picture["beside"], picture
        assert (picture["width"], picture["height"]) == (size, size), picture


@pytest.fixture
def categories(page_tree):
    from common.loaders import load_afdelingen, load_wijken
    from meldingen.loaders import load_categories
    from meldingen.models import Category

    load_wijken()
    load_afdelingen()
    load_categories()
    return {c.slug: c for c in Category.objects.all()}


@pytest.fixture
def reports(categories):
    from common.models import Wijk
    from meldingen.factories import MeldingFactory
    from meldingen.workflow import Status

    moerwijk = Wijk.objects.get(slug="moerwijk")
    made = {}
    for status, text in [
        (Status.INGEPLAND, "De lantaarnpaal wordt volgende week gemaakt."),
        (Status.DOORGEZET, "Doorgestuurd naar de woningcorporatie."),
    ]:
        made[status] = MeldingFactory(
            category=categories["lantaarnpaal"],
            wijk=moerwijk,
            status=status,
            public_description=text,
        )
    return made


def test_status_pictures_on_the_list_and_the_follow_page(visitor: Visitor, reports):
    from meldingen.factories import TEST_SECRET
    from meldingen.workflow import Status

    page = visitor.page
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    visitor.goto("/meldingen/")
    found = pictures(page, ".melding-card .status-label img")
    assert_decorative(found, 24)
    assert {p["src"] for p in found} == {"status-gepland.svg", "status-doorgestuurd.svg"}
    assert not any(p["mirrored"] for p in found)
    assert fits_the_phone(page)

    planned = reports[Status.INGEPLAND]
    visitor.goto(f"/melden/volg/{planned.reference}/{TEST_SECRET}/")
    [status] = pictures(page, "[data-status] img")
    assert_decorative([status], 24)
    assert status["src"] == "status-gepland.svg"
    assert "Ingepland" in page.inner_text("[data-status]")
    assert fits_the_phone(page)

    # In a right-to-left language the arrow points the reading way; the calendar stays.
    visitor.goto("/ar/meldingen/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    found = {p["src"]: p for p in pictures(page, ".melding-card .status-label img")}
    assert found["status-doorgestuurd.svg"]["mirrored"]
    assert not found["status-gepland.svg"]["mirrored"]
    assert fits_the_phone(page)


def test_every_subcategory_of_the_intake_has_its_picture(visitor: Visitor, categories):
    page = visitor.page
    visitor.goto("/melden/")
    found = pictures(page, "label.utrecht-form-label--radio img")
    assert len(found) == page.locator("input[name=category]").count() > 10
    assert_decorative(found, 24)
    assert fits_the_phone(page)
    # Clicking the picture chooses the subcategory: it is part of the label.
    page.locator("label.utrecht-form-label--radio img").first.click()
    assert page.locator("input[name=category]").first.is_checked()


def test_the_ballot_shows_a_plan_picture_and_the_money_picture(
    visitor: Visitor, page_tree, moerwijk, coordinator
):
    from participation.wijkbudget.factories import ProposalFactory, RoundFactory
    from participation.wijkbudget.services import vote_codes_generate

    round = RoundFactory(wijken=[moerwijk], slug="moerwijk")
    for title, cost in [("Speeltuin met een heel lange naam", 600_000), ("Bankjes", 300_000)]:
        ProposalFactory(round=round, title=title, estimated_cost_cents=cost)
    [code] = vote_codes_generate(round=round, count=1, actor=coordinator)
    page = visitor.page
    visitor.goto(f"/wijkbudget/{round.slug}/stemmen/")
    page.get_by_label("Uw stemcode").fill(code)
    visitor.follow(page.get_by_role("button", name="Naar de lijst met plannen"))
    plans = pictures(page, ".pb-cards--ballot h2 img")
    assert_decorative(plans, 32)
    assert {p["src"] for p in plans} == {"plan.svg"}
    costs = pictures(page, ".pb-cards--ballot .pb-card__cost img")
    assert_decorative(costs, 24)
    assert {p["src"] for p in costs} == {"geld.svg"}
    assert fits_the_phone(page)
