"""What GeoReport v2 clients receive, as plain dicts in the specification's field order, and the
two ways to write them out: JSON, and XML shaped exactly like the specification's examples
(`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`).

Only what may be public leaves this module: the handler-approved description (never the
resident's own words), a coarsened point, the wijk instead of an address, the four digits of
the postcode, and never anything that belongs to the follow link."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

from django.http import HttpResponse
from django.utils import timezone

from ..models import Category, Melding
from ..workflow import OPEN

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# request.json allows at most this many characters in `description`.
DESCRIPTION_MAX = 4000

# The one attribute every service accepts: with a postcode in address_string it completes the
# address for the handler. Optional, so clients that never read definitions lose nothing.
HUISNUMMER = "huisnummer"
ATTRIBUTES = [
    {
        "variable": True,
        "code": HUISNUMMER,
        "datatype": "string",
        "required": False,
        "datatype_description": "Huisnummer met eventuele toevoeging, bijvoorbeeld 12 of 12a.",
        "order": 1,
        "description": "Huisnummer bij de postcode in address_string (mag leeg blijven).",
    }
]

# Element names for the items of a list, for XML (JSON simply uses arrays).
_ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
# Characters XML 1.0 cannot carry at all; a pasted control character must not break a feed.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def iso(value: datetime | None) -> str | None:
    """ISO 8601 with the offset, in Dutch local time: 2026-03-02T09:15:00+01:00."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def service(category: Category) -> dict:
    return {
        "service_code": category.slug,
        "service_name": category.name,
        "description": category.handling_message or None,
        "metadata": bool(ATTRIBUTES),
        "type": "realtime",
        "keywords": category.keywords or None,
        "group": category.parent.name if category.parent_id else None,
    }


def service_definition(category: Category) -> dict:
    return {"service_code": category.slug, "attributes": ATTRIBUTES}


def created(melding: Melding) -> dict:
    """The answer to POST requests: the public reference only, never the follow-link secret."""
    return {
        "service_request_id": melding.reference,
        "service_notice": melding.category.handling_message or None,
        "account_id": None,
    }


def token(melding: Melding) -> dict:
    return {"service_request_id": melding.reference, "token": melding.reference}


def service_request(melding: Melding, *, media_url: str | None = None) -> dict:
    """One report as the public may see it. Expects the annotations of
    `selectors.open311_requests()` (status notes) and its select_related rows."""
    point = melding.coarse_point()
    closed = melding.status not in OPEN
    return {
        "service_request_id": melding.reference,
        "status": "closed" if closed else "open",
        "status_notes": getattr(melding, "open311_status_notes", None) or None,
        "service_name": melding.category.name,
        "service_code": melding.category.slug,
        # Only what a handler approved for the public; the resident's own text stays inside.
        "description": melding.public_description[:DESCRIPTION_MAX],
        "agency_responsible": melding.afdeling.name if melding.afdeling_id else None,
        "service_notice": melding.category.handling_message or None,
        "requested_datetime": iso(melding.created_at),
        "updated_datetime": iso((melding.closed_at if closed else None) or melding.updated_at),
        # Open311's "expected": the new date we told the reporter, else the promise.
        "expected_datetime": iso(melding.expected_at or melding.deadline),
        # The wijk, not the street: an address with a house number can point at a person.
        "address": melding.wijk.name if melding.wijk_id else "",
        "address_id": None,
        "zipcode": melding.postcode[:4] or None,
        "lat": point[0] if point else None,
        "long": point[1] if point else None,
        "media_url": media_url,
    }


def error(code: int, description: str) -> dict:
    return {"code": code, "description": description}


# Writing out -------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_INVALID.sub("", str(value))


def _append(parent: ET.Element, name: str, value) -> None:
    element = ET.SubElement(parent, name)
    _fill(element, name, value)


def _fill(element: ET.Element, name: str, value) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _append(element, key, item)
    elif isinstance(value, list | tuple):
        for item in value:
            _append(element, _ITEM_NAMES[name], item)
    else:
        element.text = _text(value)


def to_xml(root: str, data) -> bytes:
    element = ET.Element(root)
    _fill(element, root, data)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def respond(fmt: str, root: str, data, *, status: int = 200) -> HttpResponse:
    """`root` names the XML document element (`services`, `service_requests`, …); a list's
    items get the specification's singular element names."""
    if fmt == "xml":
        return HttpResponse(to_xml(root, data), content_type=XML_TYPE, status=status)
    body = json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, content_type=JSON_TYPE, status=status)
