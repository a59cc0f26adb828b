"""The report draft between the four intake steps, kept in the visitor's session (no account
needed), and the search for reports that may be the same."""

import math
import secrets

from django.db.models import Q
from django.utils import timezone

from .models import Category, DraftPhoto, DraftRecording, Melding

SESSION_KEY = "melding_draft"
DUPLICATE_METRES = 50
DUPLICATE_WEEKS = 4


class Draft:
    def __init__(self, session):
        self.session = session
        self.data = dict(session.get(SESSION_KEY) or {})
        self.data.setdefault("token", secrets.token_hex(16))

    def save(self) -> None:
        self.session[SESSION_KEY] = self.data
        self.session.modified = True

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)

    def update(self, **values) -> None:
        self.data.update(values)
        self.save()

    @property
    def category(self) -> Category | None:
        if not self.data.get("category"):
            return None
        return (
            Category.objects.filter(pk=self.data["category"], is_active=True)
            .select_related("parent")
            .first()
        )

    @property
    def has_location(self) -> bool:
        return bool(self.data.get("postcode") or self.data.get("lat") is not None)

    def photos(self):
        return DraftPhoto.objects.filter(token=self.data["token"]).order_by("pk")

    def recordings(self):
        return DraftRecording.objects.filter(token=self.data["token"]).order_by("-pk")

    def recording(self) -> DraftRecording | None:
        """The recording kept from an earlier try of the description step."""
        return self.recordings().first()

    def keep_recording(self, recording) -> None:
        """Keep a checked recording (common.audio.CheckedAudio) until the report is sent; it
        replaces one kept before."""
        self.forget_recordings()
        DraftRecording(token=self.data["token"]).store(recording)

    def forget_recordings(self) -> None:
        DraftRecording.erase(self.recordings())


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radius = 6_371_000
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def possible_duplicates(*, category: Category, lat=None, lon=None, postcode="") -> list[Melding]:
    """Open public reports of the same category from the last four weeks within 50 m (or, with
    only a postcode, at the same postcode)."""
    since = timezone.now() - timezone.timedelta(weeks=DUPLICATE_WEEKS)
    base = (
        Melding.objects.public()
        .open()
        .filter(category=category, created_at__gte=since)
        .select_related("category", "wijk")
    )
    if lat is not None and lon is not None:
        box = Q(lat__range=(lat - 0.0006, lat + 0.0006), lon__range=(lon - 0.0009, lon + 0.0009))
        near = [
            m for m in base.filter(box) if _distance_m(lat, lon, m.lat, m.lon) <= DUPLICATE_METRES
        ]
        if postcode:
            near += [m for m in base.filter(postcode=postcode) if m not in near]
        return near[:5]
    if postcode:
        return list(base.filter(postcode=postcode)[:5])
    return []
