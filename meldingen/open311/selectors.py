"""The reads behind the API: which categories are services, and which reports are public
service requests. Sensitive categories and their reports never appear here."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, QuerySet, Subquery

from common.feedback.language import in_every_language

from ..models import Category, Melding, Photo, StatusChange
from ..workflow import CLOSED, OPEN, Actor

REQUEST_FIELDS = (
    "reference",
    "status",
    "public_description",
    "lat",
    "lon",
    "postcode",
    "created_at",
    "updated_at",
    "closed_at",
    "deadline",
    "expected_at",
    *in_every_language("category__name", "category__handling_message", "afdeling__name"),
    "category__slug",
    "wijk__name",
)


def open311_categories() -> QuerySet[Category]:
    """Subcategories residents report in: active, public, never sensitive (nor under a
    sensitive main category). Main categories only group, so they are no service."""
    return (
        Category.objects.filter(
            parent__isnull=False,
            is_active=True,
            is_public=True,
            is_sensitive=False,
            parent__is_active=True,
            parent__is_sensitive=False,
        )
        .select_related("parent")
        .order_by("parent__sort_order", "parent__name", "sort_order", "name")
    )


def open311_requests() -> QuerySet[Melding]:
    """Public reports with everything a service request shows, in one query however many.

    `status_notes` is the latest message from a handler. Rows written by the reporter (their
    answer to a question, "niet opgelost") carry the resident's own words and are skipped."""
    notes = (
        StatusChange.objects.filter(melding=OuterRef("pk"))
        .exclude(actor_kind=Actor.REPORTER)
        .exclude(public_message="")
        .order_by("-created_at", "-pk")
    )
    after_photos = Photo.objects.filter(melding=OuterRef("pk"), kind=Photo.Kind.AFTER).order_by(
        "-created_at", "-pk"
    )
    return (
        Melding.objects.public()
        .select_related("category", "afdeling", "wijk")
        # Only what a service request shows: the resident's text and contact data are not even
        # read, and neither is the wijk's boundary (large, once per row).
        .only(*REQUEST_FIELDS)
        .annotate(
            open311_status_notes=Subquery(notes.values("public_message")[:1]),
            open311_photo_id=Subquery(after_photos.values("pk")[:1]),
        )
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class RequestFilter:
    """The specification's filters, already checked (see forms.RequestFilterForm)."""

    ids: list[str]
    service_codes: list[str]
    start: datetime | None
    end: datetime | None
    statuses: list[str]
    limit: int


def filter_requests(queryset: QuerySet[Melding], filters: RequestFilter) -> QuerySet[Melding]:
    if filters.ids:  # "This overrides all other arguments" (GeoReport v2)
        return queryset.filter(reference__in=filters.ids)[: filters.limit]
    if filters.service_codes:
        queryset = queryset.filter(category__slug__in=filters.service_codes)
    if filters.start:
        queryset = queryset.filter(created_at__gte=filters.start)
    if filters.end:
        queryset = queryset.filter(created_at__lte=filters.end)
    if filters.statuses == ["open"]:
        queryset = queryset.filter(status__in=OPEN)
    elif filters.statuses == ["closed"]:
        queryset = queryset.filter(status__in=CLOSED)
    return queryset[: filters.limit]


def public_after_photo(*, reference: str, photo_id: int) -> Photo | None:
    """An after-photo (taken by the handler, meant to be seen) of a public report. Photos by
    residents are not published: like their text, nobody approved them for the public."""
    return (
        Photo.objects.filter(
            pk=photo_id,
            kind=Photo.Kind.AFTER,
            melding__reference=reference,
            melding__in=Melding.objects.public(),
        )
        .only("image")
        .first()
    )
