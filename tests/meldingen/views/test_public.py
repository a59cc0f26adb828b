"""The public report pages: /meldingen/ (list, filters, map JSON), statistics per wijk and for
Zuidwest, and after-photos. Privacy first: what must never show, never shows."""

import datetime as dt
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from meldingen.figures import stats
from meldingen.models import Feedback, Photo, StatusChange
from meldingen.workflow import Actor, Status

pytestmark = pytest.mark.django_db

AMS = timezone.get_default_timezone()
NOW = dt.datetime(2026, 3, 20, 12, 0, tzinfo=AMS)  # a Friday; no holidays in March 2026
PRIVATE = {
    "description": "Mijn buurman Jan de Vries op nummer 14 laat dit altijd liggen.",
    "reporter_email": "geheim.melder@example.org",
    "reporter_phone": "0612345678",
    "address": "Geheimstraat 14",
}


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=AMS)


def jpeg(colour="green", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def photos():
    """Make photos with real files in private storage, and remove the files afterwards."""
    made = []

    def make(melding, kind=Photo.Kind.AFTER, thumbnail=False):
        photo = Photo(melding=melding, kind=kind, width=40, height=30)
        photo.image.save("na.jpg", ContentFile(jpeg()), save=False)
        if thumbnail:
            photo.thumbnail.save("klein.jpg", ContentFile(jpeg("red", (8, 6))), save=False)
        photo.width, photo.height = 40, 30
        photo.save()
        made.append(photo)
        return photo

    yield make
    for photo in made:
        photo.image.delete(save=False)
        if photo.thumbnail:
            photo.thumbnail.delete(save=False)


@pytest.fixture
def stopped_clock(monkeypatch):
    monkeypatch.setattr(stats, "clock", lambda: NOW)
    return NOW


@pytest.fixture
def shown(categories, wijken, melding_factory):
    """One report of each kind that may or may not be shown, all with the resident's own words."""
    public = melding_factory(
        category=categories["afval-naast-container"],
        wijk=wijken["moerwijk"],
        public_description="Vuilniszakken naast de container.",
        lat=52.046512,
        lon=4.282611,
        supporters=3,
        **PRIVATE,
    )
    sensitive = melding_factory(
        category=categories["drugshandel"], wijk=wijken["moerwijk"], **PRIVATE
    )
    merged = melding_factory(
        category=categories["afval-naast-container"],
        wijk=wijken["moerwijk"],
        status=Status.SAMENGEVOEGD,
        closed_at=timezone.now(),
        merged_into=public,
        public_description="Samengevoegde melding",
        **PRIVATE,
    )
    return {"public": public, "sensitive": sensitive, "merged": merged}


def public_urls(wijk="moerwijk") -> list[str]:
    urls = [
        reverse("meldingen_public:index"),
        reverse("meldingen_public:map"),
        reverse("meldingen_public:wijk", args=[wijk]),
        reverse("meldingen_public:overview"),
    ]
    return urls + ["/en" + url for url in urls]


# --- privacy ------------------------------------------------------------------------------------


def test_only_public_reports_are_listed_with_only_the_approved_text(client, shown):
    content = client.get("/meldingen/").content.decode()
    assert shown["public"].reference in content
    assert "Vuilniszakken naast de container." in content
    assert "3 andere bewoners" in content
    assert shown["sensitive"].reference not in content
    assert shown["merged"].reference not in content
    assert "Samengevoegde melding" not in content


def test_no_public_page_shows_the_reporters_words_or_contact_data(client, shown, photos):
    shown["public"].status = Status.AFGEHANDELD
    shown["public"].closed_at = timezone.now()
    shown["public"].save()
    photo = photos(shown["public"])
    urls = [*public_urls(), reverse("meldingen_public:photo", args=[photo.pk])]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content
        for value in PRIVATE.values():
            assert value.encode() not in body, (url, value)
        assert shown["sensitive"].reference.encode() not in body, url
        assert shown["merged"].reference.encode() not in body, url
        assert b"2532AB" not in body, url


def test_the_map_gets_only_coarse_points_of_public_reports(client, shown):
    data = client.get("/meldingen/kaart.json").json()
    (feature,) = data["features"]
    public = shown["public"]
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == public.coarse_point()
    assert (lat, lon) != (public.lat, public.lon)
    assert round(lat * 2000) == pytest.approx(lat * 2000)
    assert round(lon * 1250) == pytest.approx(lon * 1250)
    assert feature["properties"] == {
        "reference": public.reference,
        "category": "Afval › Zak of afval naast de container",
        "label": "Ontvangen",
        "open": True,
    }
    assert data["truncated"] is False
    raw = json.dumps(data)
    assert str(public.lat) not in raw and str(public.lon) not in raw


def test_a_category_that_is_not_public_stays_off_the_list_and_the_form(
    client, wijken, melding_factory, category_factory
):
    hidden = category_factory(name="Intern onderwerp", slug="intern", is_public=False)
    melding = melding_factory(category=hidden, wijk=wijken["moerwijk"])
    content = client.get("/meldingen/").content.decode()
    assert melding.reference not in content
    assert "Intern onderwerp" not in content
    assert client.get("/meldingen/kaart.json").json()["features"] == []


def test_sensitive_category_names_are_not_offered_as_filters(client, categories):
    content = client.get("/meldingen/").content.decode()
    assert "Afval" in content
    assert categories["drugshandel"].name not in content
    response = client.get("/meldingen/", {"categorie": "drugshandel"})
    assert "categorie" in response.context["form"].errors


# --- list and filters ---------------------------------------------------------------------------


@pytest.fixture
def spread(categories, wijken, melding_factory):
    def make(slug, wijk, status=Status.GEMELD, **extra):
        closed = {"closed_at": timezone.now()} if status != Status.GEMELD else {}
        return melding_factory(
            category=categories[slug], wijk=wijken[wijk], status=status, **closed, **extra
        )

    return {
        "bag_moerwijk": make("afval-naast-container", "moerwijk"),
        "litter_bouwlust": make("zwerfafval", "bouwlust", Status.AFGEHANDELD),
        "lamp_moerwijk": make("lantaarnpaal", "moerwijk", Status.AFGEHANDELD),
        "rat_morgenstond": make("ratten", "morgenstond", Status.IN_BEHANDELING),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"bag_moerwijk", "litter_bouwlust", "lamp_moerwijk", "rat_morgenstond"}),
        ({"wijk": "moerwijk"}, {"bag_moerwijk", "lamp_moerwijk"}),
        ({"categorie": "afval"}, {"bag_moerwijk", "litter_bouwlust"}),
        ({"categorie": "zwerfafval"}, {"litter_bouwlust"}),
        ({"stand": "open"}, {"bag_moerwijk", "rat_morgenstond"}),
        ({"stand": "afgerond"}, {"litter_bouwlust", "lamp_moerwijk"}),
        ({"wijk": "moerwijk", "stand": "afgerond"}, {"lamp_moerwijk"}),
        ({"wijk": "moerwijk", "categorie": "ongedierte"}, set()),
    ],
)
def test_filters_apply_to_the_list_and_the_map(client, spread, query, expected):
    listed = {m.reference for m in client.get("/meldingen/", query).context["page_obj"]}
    mapped = {
        f["properties"]["reference"]
        for f in client.get("/meldingen/kaart.json", query).json()["features"]
    }
    wanted = {spread[name].reference for name in expected}
    assert listed == wanted
    assert mapped == wanted


def test_an_unknown_filter_value_is_explained_and_the_rest_still_applies(client, spread):
    response = client.get("/meldingen/", {"wijk": "atlantis", "stand": "open"})
    assert response.status_code == 200
    assert "wijk" in response.context["form"].errors
    listed = {m.reference for m in response.context["page_obj"]}
    assert listed == {spread["bag_moerwijk"].reference, spread["rat_morgenstond"].reference}
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_list_pages_by_25_newest_first(client, categories, wijken, melding_factory):
    start = timezone.now() - dt.timedelta(days=40)
    made = [
        melding_factory(
            category=categories["grofvuil"],
            wijk=wijken["bouwlust"],
            created_at=start + dt.timedelta(days=i),
        )
        for i in range(30)
    ]
    first = client.get("/meldingen/")
    page = list(first.context["page_obj"])
    assert len(page) == 25
    assert page[0] == made[-1]
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get("/meldingen/", {"pagina": 2, "wijk": "bouwlust"})
    assert list(second.context["page_obj"]) == made[4::-1]
    assert "wijk=bouwlust" in second.content.decode()  # the filter survives paging


def test_dutch_and_english_addresses_answer(client, categories, wijken, melding_factory):
    melding_factory(category=categories["afval-naast-container"], wijk=wijken["moerwijk"])
    for url in public_urls():
        assert client.get(url).status_code == 200, url
    english = client.get("/en/meldingen/").content.decode()
    assert '<html lang="en"' in english
    assert "Rubbish › Bag or rubbish next to a container" in english


def test_an_unknown_wijk_is_not_found(client, wijken):
    assert client.get("/meldingen/wijk/atlantis/").status_code == 404


# --- statistics ---------------------------------------------------------------------------------


@pytest.fixture
def known(categories, wijken, melding_factory):
    """Moerwijk in March 2026, with answers worked out by hand (handling term: 3 working days,
    so a report of Monday 2 March is due at the end of Thursday 5 March):
    A closed after 2 working days, B after 3, C after 6 (late); D open, due 23 March; an open
    report from February 2025 (outside the twelve months, but open and overdue today).
    Reporters answered: A satisfied, C not. Sensitive and merged reports, and a report in
    Bouwlust, must change nothing."""
    bag = categories["afval-naast-container"]
    moerwijk = wijken["moerwijk"]

    def make(created, status=Status.GEMELD, closed=None, **extra):
        values = {"category": bag, "wijk": moerwijk, "created_at": created, "status": status}
        return melding_factory(**{**values, "closed_at": closed, **extra})

    a = make(at("2026-03-02"), Status.AFGEHANDELD, at("2026-03-04", 14))
    make(at("2026-03-02"), Status.DOORGEZET, at("2026-03-05", 15))
    c = make(at("2026-03-02"), Status.AFGEHANDELD, at("2026-03-10", 9))
    make(at("2026-03-18"), Status.IN_BEHANDELING)
    make(at("2025-02-10"))
    Feedback.objects.create(melding=a, satisfied=True, created_at=at("2026-03-06"))
    Feedback.objects.create(melding=c, satisfied=False, created_at=at("2026-03-11"))

    secret = make(
        at("2026-03-02"),
        Status.AFGEHANDELD,
        at("2026-03-16"),
        category=categories["drugshandel"],
    )
    Feedback.objects.create(melding=secret, satisfied=True, created_at=at("2026-03-17"))
    make(at("2026-03-02"), category=categories["vreemd-pand"])  # open, overdue, sensitive
    make(at("2026-03-02"), Status.SAMENGEVOEGD, at("2026-03-12"))
    make(at("2026-03-09"), wijk=wijken["bouwlust"])  # open and overdue, elsewhere
    return {"a": a, "c": c}


def test_the_figures_of_a_wijk_match_the_hand_count(known, wijken):
    from meldingen.models import Melding

    figures = stats.figures(Melding.objects.public().in_wijk(wijken["moerwijk"]), now=NOW)
    assert figures.reports == 4
    assert figures.open == 2
    assert figures.overdue == 1
    assert figures.closed == 3
    assert figures.median_days == 3
    assert figures.on_time == stats.Share(2, 3)
    assert figures.on_time.percent == 67
    assert figures.satisfied == stats.Share(1, 2)
    assert figures.satisfied.percent == 50


def test_figures_per_wijk_come_from_one_grouped_pass(known, wijken, django_assert_num_queries):
    from meldingen.models import Melding

    with django_assert_num_queries(3):
        by_wijk = stats.figures_by_wijk(Melding.objects.public(), now=NOW)
    moerwijk = by_wijk[wijken["moerwijk"].pk]
    assert (moerwijk.reports, moerwijk.open, moerwijk.overdue, moerwijk.closed) == (4, 2, 1, 3)
    assert moerwijk.on_time == stats.Share(2, 3)
    bouwlust = by_wijk[wijken["bouwlust"].pk]
    # Open after its deadline: an answer that came too late, not one still to come.
    assert bouwlust.on_time == stats.Share(0, 1)
    assert bouwlust.overdue == 1
    assert bouwlust.median_days is None
    assert wijken["vrederust"].pk not in by_wijk


def test_handling_time_counts_to_the_first_closing(categories, wijken, melding_factory):
    """Closed after one working day, reopened, closed again a week later: one working day."""
    from meldingen.models import Melding

    melding = melding_factory(
        category=categories["grofvuil"],
        wijk=wijken["vrederust"],
        created_at=at("2026-03-02"),
        status=Status.AFGEHANDELD,
        closed_at=at("2026-03-10"),
    )
    for when, source, target in [
        (at("2026-03-03"), Status.GEMELD, Status.AFGEHANDELD),
        (at("2026-03-04"), Status.AFGEHANDELD, Status.HEROPEND),
        (at("2026-03-10"), Status.HEROPEND, Status.AFGEHANDELD),
    ]:
        StatusChange.objects.create(
            melding=melding,
            from_status=source,
            to_status=target,
            actor_kind=Actor.HANDLER,
            created_at=when,
        )
    figures = stats.figures(Melding.objects.public().in_wijk(wijken["vrederust"]), now=NOW)
    assert figures.median_days == 1


def test_the_wijk_page_shows_the_figures_in_words(client, known, stopped_clock):
    content = client.get("/meldingen/wijk/moerwijk/").content.decode()
    assert "67%" in content and "2 van 3 meldingen" in content
    assert "3 werkdagen" in content
    assert "50%" in content and "1 van 2 reacties" in content


def test_the_overview_has_a_row_per_wijk_and_a_total(client, known, wijken, stopped_clock):
    response = client.get("/meldingen/cijfers/")
    rows = dict(response.context["rows"])
    assert len(rows) == len(wijken)
    assert rows[wijken["moerwijk"]].on_time == stats.Share(2, 3)
    assert rows[wijken["zuiderpark"]] == stats.Figures()
    total = response.context["total"]
    assert (total.reports, total.open, total.overdue) == (5, 3, 2)
    assert total.on_time == stats.Share(2, 4)
    content = response.content.decode()
    assert "Heel Zuidwest" in content
    assert 'href="/meldingen/wijk/moerwijk/"' in content


def test_reports_per_month_per_main_category_as_a_chart_and_a_table(
    client, categories, wijken, melding_factory, stopped_clock
):
    for day, slug in [
        ("2026-03-02", "afval-naast-container"),
        ("2026-03-03", "zwerfafval"),
        ("2026-03-04", "lantaarnpaal"),
        ("2026-01-12", "lantaarnpaal"),
        ("2025-03-31", "lantaarnpaal"),  # before the twelve months
    ]:
        melding_factory(category=categories[slug], wijk=wijken["morgenstond"], created_at=at(day))
    response = client.get("/meldingen/wijk/morgenstond/")
    monthly = response.context["monthly"]
    assert monthly.months[0] == dt.date(2025, 4, 1) and monthly.months[-1] == dt.date(2026, 3, 1)
    assert [c.slug for c in monthly.categories] == ["afval", "straat"]
    table = {month: (values, total) for month, values, total in monthly.rows()}
    assert table[dt.date(2026, 3, 1)] == ([2, 1], 3)
    assert table[dt.date(2026, 1, 1)] == ([0, 1], 1)
    assert table[dt.date(2025, 4, 1)] == ([0, 0], 0)
    content = response.content.decode()
    assert '<svg class="bar-chart__bars"' in content and 'role="img"' in content
    assert '<title id="chart-maanden-title">Meldingen per maand</title>' in content
    assert "In twaalf maanden waren er 4 meldingen." in content
    assert "<caption" in content and "maart 2026" in content
    assert "Straat en verlichting" in content  # the legend and the table header


def test_a_wijk_without_reports_still_renders(client, wijken):
    response = client.get("/meldingen/wijk/zuiderpark/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "niets gemeld" in content
    assert "<svg" not in content
    assert "Nog geen afgehandelde meldingen." in content


# --- u meldde, wij deden: outcomes and photos ---------------------------------------------------


def closed_report(melding_factory, categories, wijken, **extra):
    values = {
        "category": categories["grofvuil"],
        "wijk": wijken["bouwlust"],
        "status": Status.AFGEHANDELD,
        "closed_at": timezone.now(),
        "public_description": "Matras op de stoep.",
    }
    values.update(extra)
    return melding_factory(**values)


def test_outcomes_show_handled_public_reports_with_an_after_photo(
    client, categories, wijken, melding_factory, photos
):
    shown = closed_report(melding_factory, categories, wijken)
    after = photos(shown, thumbnail=True)
    photos(shown, kind=Photo.Kind.REPORTER)
    no_after_photo = closed_report(melding_factory, categories, wijken)
    photos(no_after_photo, kind=Photo.Kind.REPORTER)
    reopened = closed_report(melding_factory, categories, wijken, status=Status.HEROPEND)
    photos(reopened)
    sensitive = closed_report(
        melding_factory, categories, wijken, category=categories["uitbuiting"]
    )
    photos(sensitive)

    response = client.get("/meldingen/wijk/bouwlust/")
    assert [m.reference for m in response.context["outcomes"]] == [shown.reference]
    content = response.content.decode()
    assert f'src="/meldingen/foto/{after.pk}/"' in content
    assert 'alt="Foto na afloop: Afval › Grofvuil op straat"' in content
    assert "Matras op de stoep." in content


def test_the_photo_view_streams_after_photos_of_public_reports(
    client, categories, wijken, melding_factory, photos
):
    melding = closed_report(melding_factory, categories, wijken)
    with_thumbnail = photos(melding, thumbnail=True)
    without = photos(melding)

    small = client.get(f"/meldingen/foto/{with_thumbnail.pk}/")
    assert small.status_code == 200
    assert small["Content-Type"] == "image/jpeg"
    assert small.content == with_thumbnail.thumbnail.open("rb").read()
    large = client.get(f"/meldingen/foto/{with_thumbnail.pk}/groot/")
    assert large.content == with_thumbnail.image.open("rb").read()
    fallback = client.get(f"/en/meldingen/foto/{without.pk}/")
    assert fallback.content == without.image.open("rb").read()


def test_the_photo_view_refuses_every_other_photo(
    client, categories, wijken, melding_factory, photos
):
    public = closed_report(melding_factory, categories, wijken)
    refused = [
        photos(public, kind=Photo.Kind.REPORTER),
        photos(
            closed_report(melding_factory, categories, wijken, category=categories["dekmantel"])
        ),
        photos(
            closed_report(
                melding_factory, categories, wijken, status=Status.SAMENGEVOEGD, merged_into=public
            )
        ),
    ]
    for photo in refused:
        assert client.get(f"/meldingen/foto/{photo.pk}/").status_code == 404
        assert client.get(f"/meldingen/foto/{photo.pk}/groot/").status_code == 404
    assert client.get("/meldingen/foto/999999/").status_code == 404


# --- queries do not grow with the number of reports ---------------------------------------------


@pytest.fixture
def many(categories, wijken, melding_factory):
    """n public reports spread over wijken, categories and states, each handled one with an
    after-photo (a database row is enough: the pages only link to the photo view)."""
    slugs = ["afval-naast-container", "zwerfafval", "lantaarnpaal", "ratten", "boom"]
    wijk_list = list(wijken.values())
    states = [Status.GEMELD, Status.AFGEHANDELD, Status.IN_BEHANDELING, Status.DOORGEZET]

    def make(n):
        for i in range(n):
            status = states[i % len(states)]
            melding = melding_factory(
                category=categories[slugs[i % len(slugs)]],
                wijk=wijk_list[(i // 4) % 2],
                status=status,
                closed_at=timezone.now()
                if status in (Status.AFGEHANDELD, Status.DOORGEZET)
                else None,
                created_at=timezone.now() - dt.timedelta(days=9 * i),
                public_description=f"Openbare tekst {i}",
            )
            Feedback.objects.create(melding=melding, satisfied=bool(i % 3))
            if status == Status.AFGEHANDELD:
                Photo.objects.create(
                    melding=melding, kind=Photo.Kind.AFTER, image="x.jpg", width=4, height=3
                )

    return make


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    ("url", "pinned"),
    [
        ("/meldingen/", 5),
        ("/meldingen/?wijk=bouwlust&categorie=afval&stand=open&pagina=1", 6),
        ("/meldingen/kaart.json", 2),
        ("/meldingen/kaart.json?wijk=moerwijk", 3),
        ("/meldingen/wijk/bouwlust/", 8),
        ("/meldingen/cijfers/", 8),  # one more: the reports per channel
    ],
)
def test_queries_do_not_grow_with_the_reports(
    client, many, url, pinned, django_assert_max_num_queries
):
    many(5)
    few = count_queries(client, url)
    many(35)
    with django_assert_max_num_queries(pinned):
        response = client.get(url)
    assert response.status_code == 200
    assert count_queries(client, url) == few


# --- pure helpers -------------------------------------------------------------------------------


def test_the_twelve_months_run_across_the_turn_of_the_year():
    months = stats.month_starts(dt.date(2026, 2, 17))
    assert months[0] == dt.date(2025, 3, 1)
    assert months[-1] == dt.date(2026, 2, 1)
    assert len(set(months)) == 12
    assert stats.period_start(NOW) == dt.datetime(2025, 4, 1, tzinfo=AMS)


def test_the_median_skips_weekends_and_public_holidays():
    # Thursday 2 April 2026 to Tuesday 7 April: Good Friday counts (Algemene termijnenwet),
    # Easter Monday does not: Friday and Tuesday, 2 working days.
    easter = (at("2026-04-02"), at("2026-04-07"))
    friday_to_monday = (at("2026-03-13"), at("2026-03-16"))  # 1
    same_day = (at("2026-03-16", 9), at("2026-03-16", 17))  # 0
    assert stats.median_working_days([easter, friday_to_monday, same_day]) == 1
    assert stats.median_working_days([easter, friday_to_monday]) == 1.5
    assert stats.median_working_days([]) is None
    assert stats.Share(0, 0).percent is None


def test_the_map_says_when_it_shows_only_the_newest(client, spread, monkeypatch):
    from meldingen.views import public as views

    monkeypatch.setattr(views, "MAP_LIMIT", 2)
    data = client.get("/meldingen/kaart.json").json()
    assert len(data["features"]) == 2
    assert data["truncated"] is True


@pytest.mark.parametrize(
    ("median", "shown", "not_shown"),
    [
        (1, ">1 werkdag<", "werkdagen"),
        (1.5, ">1,5 werkdagen<", "werkdag<"),
        (3, ">3 werkdagen<", ""),
    ],
)
def test_the_handling_time_reads_one_working_day_or_more(median, shown, not_shown):
    """The plural comes from the catalogue (ngettext), also for a median between two days."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string
    from django.utils import translation

    unknown = SimpleNamespace(percent=None)
    figures = SimpleNamespace(
        open=0, overdue=0, closed=3, median_days=median, on_time=unknown, satisfied=unknown
    )
    with translation.override("nl"):
        html = render_to_string("meldingen/public/_figures.html", {"figures": figures})
    value = html.split("Hoe lang duurt het?")[1].split("</dd>")[0] + "</dd>"
    assert shown in value.replace("</dd>", "<")
    if not_shown:
        assert not_shown not in value.replace("</dd>", "<")


def test_the_site_search_names_one_working_day_in_the_singular(categories):
    from common.search import Words
    from meldingen.search import site_hits

    rats = categories["ratten"]
    for days, text in [(1, "binnen 1 werkdag op."), (3, "binnen 3 werkdagen op.")]:
        rats.handling_days = days
        rats.save(update_fields=["handling_days"])
        hits, _total = site_hits(Words.of("ratten"), 5)
        line = next(hit.line for hit in hits if hit.title == rats.label("nl"))
        assert str(line).endswith(text)
