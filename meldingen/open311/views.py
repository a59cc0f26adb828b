"""Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) at /open311/v2/.

Every endpoint answers in the format of its extension (.json or .xml); every refusal is the
specification's array of {code, description}. Machine clients hold no CSRF token, so the one
endpoint that accepts POST is csrf_exempt; it never acts on the session (reports arrive without
an account), so a forged cross-site POST gains nothing a plain one would not."""

import secrets
from functools import wraps

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from common.files import private_file_response
from common.ratelimit import limited

from ..services import MeldingError, melding_create
from . import serializers
from .forms import RequestFilterForm, ServiceRequestForm, error_descriptions
from .selectors import (
    RequestFilter,
    filter_requests,
    open311_categories,
    open311_requests,
    public_after_photo,
)

# When this document last changed (discovery's `changeset`).
CHANGESET = "2026-11-28T00:00:00+01:00"
RATE_PERIOD = 60  # seconds
UNKNOWN_SERVICE = "Deze dienst bestaat niet. De diensten staan in services.json."
UNKNOWN_REQUEST = "Deze melding bestaat niet of is niet openbaar."


class Open311Error(Exception):
    def __init__(self, status: int, *descriptions: str):
        super().__init__(*descriptions)
        self.status = status
        self.descriptions = descriptions


def endpoint(*methods: str):
    """Method check, Dutch messages whatever the client's Accept-Language, and errors as the
    specification's array in the requested format."""
    allowed = {*methods, "HEAD"} if "GET" in methods else set(methods)

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, fmt: str = "json", **kwargs):
            with translation.override("nl"):
                try:
                    if request.method not in allowed:
                        raise Open311Error(405, f"Alleen {' en '.join(methods)}.")
                    response = view(request, *args, fmt=fmt, **kwargs)
                except Open311Error as refusal:
                    errors = [serializers.error(refusal.status, d) for d in refusal.descriptions]
                    response = serializers.respond(fmt, "errors", errors, status=refusal.status)
                    if refusal.status == 405:
                        response["Allow"] = ", ".join(sorted(allowed))
                    if refusal.status == 429:
                        response["Retry-After"] = str(RATE_PERIOD)
            if request.method in ("GET", "HEAD"):
                # Public data: browser-based map clients may read it from anywhere.
                response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


def _api_key_accepted(request) -> bool:
    """Without configured keys anyone may post; with keys, one of them is required."""
    keys = [key for key in settings.OPEN311_API_KEYS if key]
    if not keys:
        return True
    given = request.POST.get("api_key") or request.GET.get("api_key") or ""
    return any(secrets.compare_digest(given.encode(), key.encode()) for key in keys)


@endpoint("GET")
def discovery(request, *, fmt):
    has_keys = bool(settings.OPEN311_API_KEYS)
    document = {
        "changeset": CHANGESET,
        "contact": settings.OPEN311_CONTACT,
        "key_service": "Voor een melding is een api_key nodig; vraag die aan bij het contact."
        if has_keys
        else "Melden kan zonder api_key.",
        "endpoints": [
            {
                "specification": serializers.SPECIFICATION,
                "url": request.build_absolute_uri(
                    reverse("open311:services", kwargs={"fmt": "json"})
                ).removesuffix("services.json"),
                "changeset": CHANGESET,
                "type": "test" if settings.DEBUG else "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }
    return serializers.respond(fmt, "discovery", document)


@endpoint("GET")
def services(request, *, fmt):
    items = [serializers.service(category) for category in open311_categories()]
    return serializers.respond(fmt, "services", items)


@endpoint("GET")
def service_definition(request, service_code, *, fmt):
    category = open311_categories().filter(slug=service_code).first()
    if category is None:
        raise Open311Error(404, UNKNOWN_SERVICE)
    return serializers.respond(fmt, "service_definition", serializers.service_definition(category))


def _public_request(request, melding) -> dict:
    media_url = None
    if melding.open311_photo_id:
        path = reverse("open311:media", args=[melding.reference, melding.open311_photo_id])
        media_url = request.build_absolute_uri(path)
    return serializers.service_request(melding, media_url=media_url)


@csrf_exempt
@endpoint("GET", "POST")
def service_requests(request, *, fmt):
    if request.method == "POST":
        return _create(request, fmt)
    form = RequestFilterForm(request.GET)
    if not form.is_valid():
        raise Open311Error(400, *error_descriptions(form))
    meldingen = filter_requests(open311_requests(), form.filters())
    items = [_public_request(request, melding) for melding in meldingen]
    return serializers.respond(fmt, "service_requests", items)


def _create(request, fmt):
    # Counted before anything else, so guessing keys is throttled too. The address only
    # becomes a hashed, short-lived cache key (common.ratelimit).
    rate = settings.OPEN311_RATE_LIMIT
    if limited(request, "open311", limit=rate, period=RATE_PERIOD):
        raise Open311Error(429, "Te veel meldingen achter elkaar. Probeer het over een minuut.")
    if not _api_key_accepted(request):
        raise Open311Error(403, "Ongeldige of ontbrekende api_key.")
    form = ServiceRequestForm(request.POST, request.FILES)
    if not form.is_valid():
        raise Open311Error(400, *error_descriptions(form))
    try:
        # The follow-link secret is for the resident's email only, never for the client.
        melding, _secret = melding_create(intake=form.intake(), photos=form.photos())
    except MeldingError as refusal:
        raise Open311Error(400, *refusal.messages) from refusal
    return serializers.respond(fmt, "service_requests", [serializers.created(melding)])


@endpoint("GET")
def service_request(request, reference, *, fmt):
    one = RequestFilter(
        ids=[reference], service_codes=[], start=None, end=None, statuses=[], limit=1
    )
    meldingen = list(filter_requests(open311_requests(), one))
    if not meldingen:
        raise Open311Error(404, UNKNOWN_REQUEST)
    return serializers.respond(fmt, "service_requests", [_public_request(request, meldingen[0])])


@endpoint("GET")
def token(request, token, *, fmt):
    """Requests are realtime: the token is the reference itself, for clients that ask anyway."""
    melding = open311_requests().filter(reference=token).first()
    if melding is None:
        raise Open311Error(404, UNKNOWN_REQUEST)
    return serializers.respond(fmt, "service_requests", [serializers.token(melding)])


@endpoint("GET")
def media(request, reference, photo_id, *, fmt):
    photo = public_after_photo(reference=reference, photo_id=photo_id)
    if photo is None:
        raise Open311Error(404, "Deze foto bestaat niet of is niet openbaar.")
    return private_file_response(photo.image, public=True, max_age=600)


@csrf_exempt
@endpoint("GET", "POST", "PUT", "PATCH", "DELETE")
def other(request, rest, *, fmt):
    """Anything else under /open311/, including an unsupported format: the 404 a client can
    read, not an HTML page."""
    raise Open311Error(404, "Dit adres bestaat niet. Zie /open311/discovery.json.")
