"""Open311 GeoReport v2: what a third-party client reads and writes at /open311/. Every JSON
answer is checked against the community's schemas (../shared/data/open311/), every XML answer
for the element names of the specification's examples."""

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from jsonschema import Draft4Validator
from PIL import Image
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from common.images import sanitise_image
from common.models import Notification
from meldingen.factories import MeldingFactory
from meldingen.models import Melding, Photo
from meldingen.services import melding_change_status, melding_reporter_reply
from meldingen.workflow import Status

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(
    os.environ.get("OPEN311_SCHEMA_DIR", Path(__file__).resolve().parent / "data" / "open311")
)
API = "/open311/v2"
INSIDE = {"lat": "52.0465", "long": "4.2826"}  # Morgenstond
OUTSIDE = {"lat": "52.3731", "long": "4.8922"}  # Amsterdam, de Dam
RAW = "Mijn buurman Jan de Vries op nummer 14 zet steeds zijn vuilniszakken hier neer."
LAMP = "De lamp bij de speeltuin is al een week kapot."


def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, DRAFT4)))
    assert resources, f"no Open311 schemas in {SCHEMA_DIR}"
    return Registry().with_resources(resources)


REGISTRY = _registry()


def valid(name: str, data):
    """Validate against one schema (with its $refs); date-times must carry an offset, which
    jsonschema itself would only check with an extra package."""
    schema = REGISTRY.contents(name)
    errors = sorted(Draft4Validator(schema, registry=REGISTRY).iter_errors(data), key=str)
    assert not errors, [error.message for error in errors]
    for item in data if isinstance(data, list) else [data]:
        for key in ("requested_datetime", "updated_datetime", "expected_datetime"):
            if item.get(key):
                assert datetime.fromisoformat(item[key]).utcoffset() is not None, key
    return data


def get_json(client, url, schema=None, expect=200, **params):
    response = client.get(url, params)
    assert response.status_code == expect, response.content
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    return valid(schema, data) if schema else data


def get_xml(client, url, expect=200, **params) -> ET.Element:
    response = client.get(url, params)
    assert response.status_code == expect, response.content
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b"<?xml")
    return parse_xml(response.content)


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 – our own answer, not untrusted input


def errors_of(response, status: int) -> list[str]:
    assert response.status_code == status, response.content
    body = response.json()
    assert isinstance(body, list) and body
    assert all(set(e) == {"code", "description"} and e["code"] == status for e in body)
    return [e["description"] for e in body]


def post(client, **fields):
    data = {"service_code": "lantaarnpaal", "description": LAMP, **INSIDE, **fields}
    return client.post(f"{API}/requests.json", {k: v for k, v in data.items() if v is not None})


def seconds(moment: datetime) -> datetime:
    return moment.replace(microsecond=0)


def png(size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def report(categories, wijken):
    """A public report as the handler left it: approved public text, in Moerwijk."""

    def make(slug="lantaarnpaal", **values):
        values.setdefault("wijk", wijken["moerwijk"])
        values.setdefault("description", RAW)
        return MeldingFactory(category=categories[slug], **values)

    return make


# Discovery and services ---------------------------------------------------------------------


def test_discovery_points_at_v2_in_both_formats(client):
    data = get_json(client, "/open311/discovery.json")
    (endpoint,) = data["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2/"
    assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    root = get_xml(client, "/open311/discovery.xml")
    assert root.tag == "discovery"
    assert root.findtext("endpoints/endpoint/url") == endpoint["url"]
    formats = [f.text for f in root.findall("endpoints/endpoint/formats/format")]
    assert set(formats) == {"application/json", "text/xml"}


def test_services_are_the_public_subcategories_and_never_sensitive_ones(client, categories):
    categories["graffiti"].is_active = False
    categories["graffiti"].save()
    categories["drugshandel"].is_public = True  # a slip in the admin must not publish it
    categories["drugshandel"].save()
    services = get_json(client, f"{API}/services.json", "services.json")
    codes = {s["service_code"] for s in services}
    expected = {
        c.slug
        for c in categories.values()
        if c.parent_id and not c.is_sensitive and c.slug != "graffiti"
    }
    assert codes == expected
    assert not codes & {"drugshandel", "vreemd-pand", "ondermijning", "afval", "graffiti"}
    rats = next(s for s in services if s["service_code"] == "ratten")
    assert rats["service_name"] == "Ratten of muizen op straat"
    assert rats["group"] == "Ongedierte"
    assert rats["type"] == "realtime" and rats["metadata"] is True
    assert "muizen" in rats["keywords"]


def test_services_xml_has_the_specifications_elements(client, categories):
    root = get_xml(client, f"{API}/services.xml")
    assert root.tag == "services"
    services = root.findall("service")
    assert len(services) == len(get_json(client, f"{API}/services.json"))
    first = services[0]
    assert [child.tag for child in first] == [
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    ]
    assert first.findtext("metadata") == "true" and first.findtext("type") == "realtime"


def test_service_definition_offers_an_optional_house_number(client, categories):
    definition = get_json(client, f"{API}/services/lantaarnpaal.json", "service-definition.json")
    assert definition["service_code"] == "lantaarnpaal"
    (attribute,) = definition["attributes"]
    assert attribute["code"] == "huisnummer" and attribute["required"] is False
    root = get_xml(client, f"{API}/services/lantaarnpaal.xml")
    assert root.tag == "service_definition"
    assert root.findtext("attributes/attribute/code") == "huisnummer"
    assert root.findtext("attributes/attribute/required") == "false"


@pytest.mark.parametrize("code", ["bestaat-niet", "drugshandel", "ondermijning", "afval"])
def test_unknown_sensitive_and_group_codes_have_no_definition(client, categories, code):
    unknown = errors_of(client.get(f"{API}/services/bestaat-niet.json"), 404)
    assert errors_of(client.get(f"{API}/services/{code}.json"), 404) == unknown
    root = get_xml(client, f"{API}/services/{code}.xml", expect=404)
    assert root.tag == "errors" and root.findtext("error/code") == "404"


# POST requests ------------------------------------------------------------------------------


def test_post_creates_a_report_without_names_and_answers_without_the_secret(client, categories):
    response = post(
        client, email="bewoner@example.org", phone="0612345678", first_name="Jan",
        last_name="de Vries", device_id="toestel-1", media_url="http://example.org/a.jpg",
    )  # fmt: skip
    assert response.status_code == 200, response.content
    (answer,) = response.json()  # no schema covers this answer; checked by hand
    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    assert isinstance(answer["service_request_id"], str)
    melding = Melding.objects.get(reference=answer["service_request_id"])
    assert answer["service_notice"] == categories["lantaarnpaal"].handling_message
    assert answer["account_id"] is None
    assert melding.category == categories["lantaarnpaal"]
    assert melding.wijk.slug == "morgenstond"
    assert (melding.description, melding.reporter_email) == (LAMP, "bewoner@example.org")
    assert melding.reporter is None
    stored = " ".join(str(getattr(melding, f.attname)) for f in Melding._meta.concrete_fields)
    assert "Jan" not in stored and "Vries" not in stored and "example.org/a.jpg" not in stored
    # The follow link went to the resident's email, never to the client. (The mail is still
    # queued here, so its link is still held for sending; it is forgotten once sent.)
    queued = Notification.objects.get(email="bewoner@example.org")
    assert "follow_url" not in queued.context
    follow_url = queued.secret_context["follow_url"]
    secret = follow_url.rstrip("/").rsplit("/", 1)[1]
    assert len(secret) > 20 and secret.encode() not in response.content


def test_post_with_a_postcode_and_house_number_and_answer_in_xml(client, categories):
    response = client.post(
        f"{API}/requests.xml",
        {
            "service_code": "ratten",
            "address_string": "2532 AB",
            "attribute[huisnummer]": "12a",
            "description": "Ratten bij de containers.",
        },
    )
    assert response.status_code == 200, response.content
    root = parse_xml(response.content)
    assert root.tag == "service_requests"
    assert [child.tag for child in root.find("request")] == [
        "service_request_id",
        "service_notice",
        "account_id",
    ]
    melding = Melding.objects.get(reference=root.findtext("request/service_request_id"))
    assert (melding.postcode, melding.wijk.slug, melding.lat) == ("2532AB", "moerwijk", None)
    assert melding.address == "2532 AB, huisnummer 12a"


def test_post_with_a_photo_keeps_a_clean_copy(client, categories):
    response = post(client, media=png())
    assert response.status_code == 200, response.content
    melding = Melding.objects.get(reference=response.json()[0]["service_request_id"])
    (photo,) = melding.photos.all()
    assert (photo.kind, photo.width, photo.height) == (Photo.Kind.REPORTER, 40, 30)
    assert photo.image.name.endswith(".jpg")  # re-encoded, not the uploaded file


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"lat": None, "long": None}, "Geef de plek"),
        ({"long": None}, "lat en long allebei"),
        ({"address_string": "Loevesteinlaan 12", "lat": None, "long": None}, "postcode"),
        (OUTSIDE, "ligt niet in Den Haag Zuidwest"),
        ({"lat": None, "long": None, "address_string": "1012 JS"}, "niet in Den Haag Zuidwest"),
        ({"lat": "hier"}, "lat:"),
        ({"description": None}, "description ontbreekt"),
        ({"description": "   "}, "description ontbreekt"),
        ({"description": "x" * 5001}, "description:"),
        ({"service_code": "bestaat-niet"}, "geen bekende dienst"),
        ({"service_code": "drugshandel"}, "geen bekende dienst"),
        ({"service_code": None}, "service_code ontbreekt"),
        ({"email": "geen-adres"}, "email:"),
        ({"attribute[huisnummer]": "<script>"}, "huisnummer"),
        (
            {"media": SimpleUploadedFile("foto.jpg", b"%PDF-1.4 geen foto", "image/jpeg")},
            "media: Dit bestand is geen foto",
        ),
    ],
)
def test_invalid_posts_get_400_with_the_error_array(client, categories, fields, expected):
    descriptions = errors_of(post(client, **fields), 400)
    assert any(expected in d for d in descriptions), descriptions
    assert not Melding.objects.exists()


def test_a_refused_post_in_xml_is_an_errors_document(client, categories):
    response = client.post(f"{API}/requests.xml", {"service_code": "lantaarnpaal"})
    assert response.status_code == 400
    root = parse_xml(response.content)
    assert root.tag == "errors"
    assert {e.findtext("code") for e in root.findall("error")} == {"400"}
    assert any("description" in e.findtext("description") for e in root.findall("error"))


def test_sensitive_reports_are_refused_like_unknown_services(client, categories):
    sensitive = errors_of(post(client, service_code="drugshandel"), 400)
    unknown = errors_of(post(client, service_code="bestaat-niet"), 400)
    assert [d.split("”")[1] for d in sensitive] == [d.split("”")[1] for d in unknown]


def test_api_keys_when_configured(client, categories, settings):
    settings.OPEN311_API_KEYS = ["sleutel-een", "sleutel-twee"]
    assert errors_of(post(client), 403) == ["Ongeldige of ontbrekende api_key."]
    errors_of(post(client, api_key="sleutel-drie"), 403)
    root = parse_xml(client.post(f"{API}/requests.xml", {"api_key": "fout"}).content)
    assert root.findtext("error/code") == "403"
    assert not Melding.objects.exists()
    assert post(client, api_key="sleutel-twee").status_code == 200
    assert Melding.objects.count() == 1
    # Reading stays open: keys are for writing.
    assert client.get(f"{API}/requests.json").status_code == 200


def test_posts_are_rate_limited_per_client(client, categories, settings):
    settings.OPEN311_RATE_LIMIT = 3
    for _ in range(3):
        assert post(client).status_code == 200
    response = post(client)
    assert errors_of(response, 429)[0].startswith("Te veel meldingen")
    assert response["Retry-After"] == "60"
    assert Melding.objects.count() == 3
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert post(other).status_code == 200
    assert client.get(f"{API}/requests.json").status_code == 200


def test_post_needs_no_csrf_token_but_other_pages_still_do(categories):
    strict = Client(enforce_csrf_checks=True)
    assert post(strict).status_code == 200
    assert strict.post("/i18n/setlang/", {"language": "en"}).status_code == 403


# GET requests ------------------------------------------------------------------------------


def test_requests_show_only_what_is_public(client, report, categories, handler):
    shown = report(public_description="Lamp in de Loevesteinlaan doet het niet.")
    unapproved = report("ratten")
    hidden = report("drugshandel", description="Dealer op de hoek")
    survivor = report()
    merged = report()
    melding_change_status(
        melding=merged, to=Status.SAMENGEVOEGD, actor=handler,
        public_message="Samengevoegd.", merge_into=survivor,
    )  # fmt: skip
    response = client.get(f"{API}/requests.json")
    data = valid("requests.json", response.json())
    by_id = {item["service_request_id"]: item for item in data}
    assert set(by_id) == {shown.reference, unapproved.reference, survivor.reference}
    assert by_id[shown.reference]["description"] == "Lamp in de Loevesteinlaan doet het niet."
    assert by_id[unapproved.reference]["description"] == ""
    body = response.content.decode()
    assert "Jan de Vries" not in body and "Dealer" not in body and "@example.org" not in body
    assert hidden.reference not in body and "drugshandel" not in body


def test_a_request_shows_a_coarse_point_the_wijk_and_the_deadline(client, report, handler):
    melding = report(lat=52.046571, lon=4.282689, postcode="2532AB")
    melding_change_status(
        melding=melding, to=Status.INGEPLAND, actor=handler,
        public_message="We vervangen de lamp volgende week.",
    )  # fmt: skip
    (item,) = get_json(client, f"{API}/requests/{melding.reference}.json", "requests.json")
    melding.refresh_from_db()
    assert (item["lat"], item["long"]) == melding.coarse_point() == (52.0465, 4.2824)
    assert (item["address"], item["zipcode"], item["address_id"]) == ("Moerwijk", "2532", None)
    assert item["status"] == "open"
    assert item["status_notes"] == "We vervangen de lamp volgende week."
    assert item["service_code"] == "lantaarnpaal"
    assert item["agency_responsible"] == melding.afdeling.name
    assert datetime.fromisoformat(item["expected_datetime"]) == seconds(melding.deadline)
    assert datetime.fromisoformat(item["requested_datetime"]) == seconds(melding.created_at)
    assert item["media_url"] is None


def test_the_department_is_named_in_dutch_whatever_language_the_client_asks(client, report):
    """Open311 is a machine API, the same in every language (config/urls.py): the department's
    translated names (common/translated_names.py) do not change it."""
    melding = report()
    assert melding.afdeling.name_en  # the loader gave it an English name
    dutch = melding.afdeling.name_nl
    for headers in ({}, {"HTTP_ACCEPT_LANGUAGE": "en"}, {"HTTP_ACCEPT_LANGUAGE": "tr"}):
        response = client.get(f"{API}/requests/{melding.reference}.json", **headers)
        assert response.json()[0]["agency_responsible"] == dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    (item,) = get_json(client, f"{API}/requests.json", "requests.json")
    assert item["agency_responsible"] == dutch


def test_status_notes_never_carry_the_residents_own_reply(client, report, handler):
    melding = report()
    melding_change_status(
        melding=melding, to=Status.REACTIE_GEVRAAGD, actor=handler,
        public_message="Bij welke paal precies?",
    )  # fmt: skip
    melding_reporter_reply(melding=melding, text="Voor mijn huis, Loevesteinlaan 14.")
    (item,) = get_json(client, f"{API}/requests/{melding.reference}.json", "requests.json")
    assert item["status_notes"] == "Bij welke paal precies?"


def test_a_closed_request_is_closed_with_its_closing_time(client, report, handler):
    melding = report()
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Gerepareerd."
    )
    melding.refresh_from_db()
    (item,) = get_json(client, f"{API}/requests/{melding.reference}.json", "requests.json")
    assert (item["status"], item["status_notes"]) == ("closed", "Gerepareerd.")
    assert datetime.fromisoformat(item["updated_datetime"]) == seconds(melding.closed_at)


def test_requests_xml_has_the_specifications_elements(client, report):
    melding = report(public_description="Lamp kapot.")
    root = get_xml(client, f"{API}/requests.xml")
    assert root.tag == "service_requests"
    (request,) = root.findall("request")
    assert request.findtext("service_request_id") == melding.reference
    assert [child.tag for child in request][:4] == [
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
    ]
    assert {"lat", "long", "expected_datetime", "media_url"} <= {c.tag for c in request}
    single = get_xml(client, f"{API}/requests/{melding.reference}.xml")
    assert single.findtext("request/description") == "Lamp kapot."


def test_unknown_sensitive_and_merged_requests_are_404(client, report, handler):
    sensitive = report("vreemde-geur")
    survivor, merged = report(), report()
    melding_change_status(
        melding=merged, to=Status.SAMENGEVOEGD, actor=handler,
        public_message="Dubbel.", merge_into=survivor,
    )  # fmt: skip
    for reference in ("ZW-2026-99999", sensitive.reference, merged.reference):
        errors_of(client.get(f"{API}/requests/{reference}.json"), 404)
        assert get_xml(client, f"{API}/requests/{reference}.xml", expect=404).tag == "errors"
        errors_of(client.get(f"{API}/tokens/{reference}.json"), 404)
    assert get_json(client, f"{API}/requests/{survivor.reference}.json", "requests.json")


def test_a_token_is_the_reference(client, report):
    melding = report()
    (item,) = get_json(client, f"{API}/tokens/{melding.reference}.json")
    assert item == {"service_request_id": melding.reference, "token": melding.reference}


def test_filters_by_status_service_code_and_ids(client, report, handler):
    lamp, rats, tree = report(), report("ratten"), report("boom")
    melding_change_status(
        melding=rats, to=Status.AFGEHANDELD, actor=handler, public_message="Bestreden."
    )

    def ids(**params):
        data = get_json(client, f"{API}/requests.json", "requests.json", **params)
        return {item["service_request_id"] for item in data}

    assert ids() == {lamp.reference, rats.reference, tree.reference}
    assert ids(status="closed") == {rats.reference}
    assert ids(status="open") == {lamp.reference, tree.reference}
    assert ids(status="open,closed") == ids()
    assert ids(service_code="ratten,boom") == {rats.reference, tree.reference}
    assert ids(service_code="drugshandel") == set()
    assert ids(service_request_id=f"{lamp.reference}, {tree.reference}") == {
        lamp.reference,
        tree.reference,
    }
    assert len(ids(limit=2)) == 2
    errors_of(client.get(f"{API}/requests.json", {"status": "gemeld"}), 400)
    errors_of(client.get(f"{API}/requests.json", {"limit": "0"}), 400)


def test_the_default_window_is_ninety_days_and_dates_narrow_it(client, report):
    now = timezone.now()
    recent = report(created_at=now - timedelta(days=10))
    older = report(created_at=now - timedelta(days=60))
    ancient = report(created_at=now - timedelta(days=125))

    def ids(**params):
        data = get_json(client, f"{API}/requests.json", "requests.json", **params)
        return {item["service_request_id"] for item in data}

    assert ids() == {recent.reference, older.reference}
    day = (now - timedelta(days=30)).date().isoformat()
    assert ids(start_date=day) == {recent.reference}
    assert ids(end_date=day) == {older.reference}
    start = timezone.localtime(now - timedelta(days=130)).isoformat(timespec="seconds")
    end = (now - timedelta(days=50)).date().isoformat()
    assert ids(start_date=start, end_date=end) == {ancient.reference, older.reference}
    # An unencoded "+" of the offset arrives as a space and is still understood.
    assert ids(start_date=start.replace("+", " "), end_date=end) == {
        ancient.reference,
        older.reference,
    }
    assert ids(start_date=f"{(now - timedelta(days=11)):%Y-%m-%dT%H:%M:%SZ}") == {recent.reference}
    # Asking by id overrides the window, as the specification says.
    assert ids(service_request_id=ancient.reference) == {ancient.reference}
    errors_of(client.get(f"{API}/requests.json", {"start_date": "gisteren"}), 400)
    too_long = {"start_date": "2026-01-01", "end_date": "2026-06-01"}
    assert "90 dagen" in errors_of(client.get(f"{API}/requests.json", too_long), 400)[0]
    backwards = {"start_date": "2026-06-01", "end_date": "2026-05-01"}
    errors_of(client.get(f"{API}/requests.json", backwards), 400)


def test_request_list_queries_do_not_grow_with_reports(
    client, report, handler, django_assert_max_num_queries
):
    def fill(count):
        for n in range(count):
            melding = report("ratten" if n % 2 else "lantaarnpaal")
            if n % 3 == 0:
                melding_change_status(
                    melding=melding, to=Status.IN_BEHANDELING, actor=handler,
                    public_message=f"Bericht {n}",
                )  # fmt: skip

    fill(5)
    with django_assert_max_num_queries(1):
        assert len(client.get(f"{API}/requests.json").json()) == 5
    fill(25)
    with django_assert_max_num_queries(1):
        assert len(client.get(f"{API}/requests.json").json()) == 30


def test_media_url_serves_only_after_photos_of_public_reports(client, report, handler):
    melding = report()
    melding_change_status(
        melding=melding, to=Status.AFGEHANDELD, actor=handler, public_message="Klaar.",
        after_photo=sanitise_image(png((60, 40))),
    )  # fmt: skip
    assert post(client, media=png()).status_code == 200  # a resident's photo: not published
    data = get_json(client, f"{API}/requests.json", "requests.json")
    urls = [item["media_url"] for item in data]
    assert urls.count(None) == 1
    (url,) = [u for u in urls if u]
    assert re.fullmatch(rf"http://testserver{API}/media/{melding.reference}/\d+", url)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(response.content)).size == (60, 40)
    reporter_photo = Photo.objects.get(kind=Photo.Kind.REPORTER)
    wrong = f"{API}/media/{reporter_photo.melding.reference}/{reporter_photo.pk}"
    errors_of(client.get(wrong), 404)


def test_unsupported_formats_and_unknown_paths_are_404_error_arrays(client, categories):
    for path in ("services.html", "services", "requests.csv", "bestaat/niet.json"):
        errors_of(client.get(f"{API}/{path}"), 404)
    assert get_xml(client, f"{API}/onbekend.xml", expect=404).tag == "errors"
    errors_of(client.post(f"{API}/requests.html", {"service_code": "ratten"}), 404)
    errors_of(client.delete(f"{API}/requests.json"), 405)


def test_an_unmodified_open311_client_works(categories, wijken):
    """Driven like a generic GeoReport v2 client: discovery, services, definition, a
    form-encoded POST to requests.json (the specification's example body, with our codes and a
    place in Zuidwest), then reading the request back by id."""
    api = Client(enforce_csrf_checks=True)
    base = api.get("/open311/discovery.json").json()["endpoints"][0]["url"]
    base = base.removeprefix("http://testserver")
    services = api.get(f"{base}services.json").json()
    code = next(s["service_code"] for s in services if s["service_name"].startswith("Lantaarn"))
    assert api.get(f"{base}services/{code}.json").status_code == 200
    body = (
        f"api_key=xyz&service_code={code}&lat=52.0465&long=4.2826"
        "&address_string=1234+5th+street&email=smit333%40sfgov.edu&device_id=tt222111"
        "&account_id=123456&first_name=john&last_name=smith&phone=111111111"
        "&description=A+large+sign+has+been+knocked+down+along+the+road"
        "&media_url=http%3A%2F%2Fhere.com%2Fimage.jpg"
        "&attribute[WHISHETN]=123&attribute[WHISHETN]=124&attribute[ASDF]=FISH"
    )
    response = api.post(
        f"{base}requests.json", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200, response.content
    service_request_id = response.json()[0]["service_request_id"]
    assert isinstance(service_request_id, str)
    (item,) = valid("requests.json", api.get(f"{base}requests/{service_request_id}.json").json())
    assert (item["service_code"], item["status"], item["address"]) == (code, "open", "Morgenstond")
    assert item["description"] == ""  # not yet approved for the public
    melding = Melding.objects.get(reference=service_request_id)
    assert melding.reporter_email == "smit333@sfgov.edu"
    assert "john" not in str(Melding.objects.filter(pk=melding.pk).values().get()).lower()
    listed = api.get(f"{base}requests.json", {"service_request_id": service_request_id}).json()
    assert [r["service_request_id"] for r in listed] == [service_request_id]
