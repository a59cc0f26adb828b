"""Input of the API, checked the Django way: one form for POST requests, one for the filters of
GET requests. Messages are Dutch and name the parameter, so a developer sees what to fix."""

import re
from datetime import datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from common.forms import email_field
from common.images import sanitise_image
from common.parsing import MAX_YEAR, MIN_YEAR, parse_digits, parse_iso_moment
from common.postcodes import normalise_postcode
from common.services import wijk_for_location

from ..services import Intake
from .selectors import RequestFilter, open311_categories
from .serializers import HUISNUMMER

# "Loevesteinlaan 12, 2532 AB Den Haag" or just "2532AB": the postcode is what we can place.
POSTCODE_IN_TEXT = re.compile(r"(?<![0-9])([1-9][0-9]{3})\s?([A-Za-z]{2})(?![A-Za-z])")
HUISNUMMER_RE = re.compile(r"^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,4})?$")
HUISNUMMER_FIELD = f"attribute[{HUISNUMMER}]"
WINDOW = timedelta(days=90)
MAX_LIMIT = 1000


def _required(what: str) -> dict:
    return {"required": f"{what} ontbreekt."}


def error_descriptions(form: forms.Form) -> list[str]:
    """Every message of a form, prefixed with the parameter it is about."""
    descriptions = []
    for field, errors in form.errors.items():
        for message in errors:
            descriptions.append(message if field == "__all__" else f"{field}: {message}")
    return descriptions


class ServiceRequestForm(forms.Form):
    """POST requests. first_name, last_name, device_id, account_id and media_url are not
    fields: whatever a client sends there is dropped, so no name is ever stored."""

    service_code = forms.CharField(max_length=80, error_messages=_required("service_code"))
    lat = forms.FloatField(required=False, min_value=-90, max_value=90)
    long = forms.FloatField(required=False, min_value=-180, max_value=180)
    address_string = forms.CharField(required=False, max_length=200)
    description = forms.CharField(
        max_length=5000,
        error_messages={"required": "description ontbreekt: beschrijf kort wat er aan de hand is."},
    )
    email = email_field()
    phone = forms.CharField(required=False, max_length=20)
    media = forms.FileField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The attribute's parameter name has brackets, so it cannot be a class attribute.
        self.fields[HUISNUMMER_FIELD] = forms.CharField(required=False, max_length=12)

    def clean_service_code(self):
        code = self.cleaned_data["service_code"].strip()
        # Sensitive categories answer exactly like a code that does not exist.
        category = open311_categories().filter(slug=code).first()
        if category is None:
            raise ValidationError(
                f"“{code}” is geen bekende dienst. De diensten staan in services.json."
            )
        return category

    def clean_media(self):
        upload = self.cleaned_data.get("media")
        return sanitise_image(upload) if upload else None

    def clean(self):
        data = super().clean()
        huisnummer = (data.get(HUISNUMMER_FIELD) or "").strip()
        if huisnummer and not HUISNUMMER_RE.match(huisnummer):
            self.add_error(HUISNUMMER_FIELD, "Geef een huisnummer zoals 12 of 12a.")
        if self.has_error("lat") or self.has_error("long"):
            return data
        lat, lon = data.get("lat"), data.get("long")
        if (lat is None) != (lon is None):
            raise ValidationError("Geef lat en long allebei, of geen van beide.")
        address = data.get("address_string", "").strip()
        match = POSTCODE_IN_TEXT.search(address)
        postcode = normalise_postcode("".join(match.groups())) if match else ""
        if lat is None and not postcode:
            raise ValidationError(
                "Geef de plek van de melding: lat en long, of een postcode in address_string "
                "(bijvoorbeeld 2532 AB)."
            )
        if wijk_for_location(postcode=postcode or None, lat=lat, lon=lon) is None:
            raise ValidationError("Deze plek ligt niet in Den Haag Zuidwest.")
        data["postcode"] = postcode
        data["address"] = ", ".join(
            part for part in (address, huisnummer and f"huisnummer {huisnummer}") if part
        )[:200]
        return data

    def intake(self) -> Intake:
        data = self.cleaned_data
        return Intake(
            category=data["service_code"],
            description=data["description"],
            lat=data["lat"],
            lon=data["long"],
            postcode=data["postcode"],
            address=data["address"],
            email=data["email"],
            phone=data["phone"],
        )

    def photos(self) -> list:
        return [self.cleaned_data["media"]] if self.cleaned_data.get("media") else []


def parse_when(value: str, *, end: bool = False) -> datetime:
    """ISO 8601 as clients send it: a date, or a date and time with or without an offset.
    A date as end_date means the whole day. In a query string an unencoded "+" of the offset
    arrives as a space, which we read as the "+" it was."""
    value = value.strip()
    if "T" in value:
        value = re.sub(r" ([0-9]{2}:?[0-9]{2})$", r"+\1", value)
    try:
        moment = parse_iso_moment(value, end=end)
    except ValueError as error:
        raise ValidationError(
            f"Geef een datum in ISO 8601 tussen de jaren {MIN_YEAR} en {MAX_YEAR}, bijvoorbeeld "
            "2026-03-01 of 2026-03-01T09:00:00+01:00."
        ) from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


class RequestFilterForm(forms.Form):
    """GET requests. Without dates: the last 90 days; a window may span at most 90 days."""

    service_request_id = forms.CharField(required=False)
    service_code = forms.CharField(required=False)
    start_date = forms.CharField(required=False)
    end_date = forms.CharField(required=False)
    status = forms.CharField(required=False)
    limit = forms.CharField(required=False)

    def clean_start_date(self):
        value = self.cleaned_data["start_date"]
        return parse_when(value) if value.strip() else None

    def clean_end_date(self):
        value = self.cleaned_data["end_date"]
        return parse_when(value, end=True) if value.strip() else None

    def clean_limit(self):
        value = self.cleaned_data["limit"].strip()
        limit = parse_digits(value)
        if value and not limit:
            raise ValidationError("Geef limit als een heel getal van 1 of meer, zoals 50.")
        return limit

    def clean_status(self):
        statuses = sorted(set(_split(self.cleaned_data["status"])))
        if set(statuses) - {"open", "closed"}:
            raise ValidationError("Kies open, closed of open,closed.")
        return statuses

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if self.has_error("start_date") or self.has_error("end_date"):
            return data
        if start is None and end is None:
            end = timezone.now()
        if start is None:
            start = end - WINDOW
        elif end is None:
            end = start + WINDOW
        if end < start:
            raise ValidationError("end_date ligt voor start_date.")
        if end - start > WINDOW:
            raise ValidationError("Tussen start_date en end_date mag hoogstens 90 dagen liggen.")
        data["start_date"], data["end_date"] = start, end
        return data

    def filters(self) -> RequestFilter:
        data = self.cleaned_data
        return RequestFilter(
            ids=_split(data["service_request_id"]),
            service_codes=_split(data["service_code"]),
            start=data["start_date"],
            end=data["end_date"],
            statuses=data["status"],
            limit=min(data["limit"] or MAX_LIMIT, MAX_LIMIT),
        )
