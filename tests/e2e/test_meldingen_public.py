"""A resident looks at the public reports on a phone: the list, the filters, the map (with the
tile server unreachable, as offline), a wijk's figures with the chart and the after-photos, and
the overview. axe runs on every page (see conftest)."""

import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TILES = "https://tile.openstreetmap.org/**"


@pytest.fixture
def reports(page_tree):
    from common.loaders import load_afdelingen, load_wijken
    from meldingen.factories import MeldingFactory
    from meldingen.loaders import load_categories
    from meldingen.models import Category, Photo
    from meldingen.workflow import Status

    wijken = {w.slug: w for w in load_wijken()}
    load_afdelingen()
    load_categories()
    categories = {c.slug: c for c in Category.objects.all()}
    now = timezone.now()
    handled = MeldingFactory(
        category=categories["grofvuil"],
        wijk=wijken["moerwijk"],
        status=Status.AFGEHANDELD,
        closed_at=now,
        public_description="Een oude bank op de stoep.",
        lat=52.0471,
        lon=4.2788,
    )
    MeldingFactory(
        category=categories["lantaarnpaal"],
        wijk=wijken["moerwijk"],
        public_description="Lantaarnpaal doet het niet.",
        supporters=2,
        lat=52.0452,
        lon=4.2861,
    )
    MeldingFactory(category=categories["ratten"], wijk=wijken["bouwlust"], lat=52.0398, lon=4.2591)
    MeldingFactory(category=categories["drugshandel"], wijk=wijken["moerwijk"])

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "seagreen").save(buffer, "JPEG")
    photo = Photo(melding=handled, kind=Photo.Kind.AFTER)
    photo.image.save("na.jpg", ContentFile(buffer.getvalue()), save=False)
    photo.width, photo.height = 320, 240
    photo.save()
    yield handled
    photo.image.delete(save=False)


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_resident_reads_the_reports_and_the_figures_of_their_wijk(visitor, reports):
    page = visitor.page
    page.route(TILES, lambda route: route.abort())

    visitor.goto("/meldingen/")
    assert page.get_by_role("heading", level=1).inner_text() == "Meldingen in Zuidwest"
    assert page.locator(".melding-card").count() == 3
    # The map is an enhancement: it appears, shows the three points, and says the background
    # did not load.
    page.locator(".meldingen-map").wait_for(state="visible")
    page.locator(".meldingen-map path.leaflet-interactive").nth(2).wait_for(state="attached")
    assert page.locator(".meldingen-map path.leaflet-interactive").count() == 3
    page.get_by_text("De achtergrondkaart kan nu niet laden").wait_for()
    visitor.check()
    assert fits_the_phone(page)

    page.get_by_label("Wijk", exact=True).select_option(label="Moerwijk")
    visitor.follow(page.get_by_role("button", name="Toon meldingen"))
    assert "wijk=moerwijk" in page.url
    assert page.locator(".melding-card").count() == 2

    visitor.follow(page.locator(".chip-list").get_by_role("link", name="Moerwijk"))
    assert page.get_by_role("heading", level=1).inner_text() == "Meldingen in Moerwijk"
    assert page.get_by_role("img", name="Meldingen per maand").is_visible()
    assert page.get_by_role("table", name="Aantal meldingen per maand en per soort").is_visible()
    photo = page.get_by_role("img", name="Foto na afloop: Afval › Grofvuil op straat")
    photo.scroll_into_view_if_needed()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", photo.element_handle())
    assert fits_the_phone(page)

    visitor.follow(page.get_by_role("link", name="Cijfers per wijk").first)
    assert page.get_by_role("table", name="Cijfers per wijk").is_visible()
    assert fits_the_phone(page)

    visitor.goto("/en/meldingen/wijk/bouwlust/")
    assert visitor.lang() == "en"


def test_without_leaflet_the_list_is_the_whole_page(visitor, reports):
    page = visitor.page
    page.route("**/leaflet.js", lambda route: route.abort())
    visitor.goto("/meldingen/")
    assert page.locator(".melding-card").count() == 3
    assert page.locator(".meldingen-map").is_hidden()
