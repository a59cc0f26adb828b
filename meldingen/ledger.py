"""Meldingen in the follow-up ledger (common/feedback/ledger): the services push an entry
(`ledger.push(melding)`) whenever what it shows changes. Entries are public reports that were
closed with an answer (handled, forwarded, or not taken up, with the reason in the status). Only
what the public list already shows: the category, the text a handler approved for the public,
the wijk, the public status and an after-photo. Never sensitive or merged reports
(`Melding.objects.public()`), never the message to the reporter (it may hold a name), never the
reporter's data."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from common.feedback import ledger, texts

from .figures.filters import category_label
from .models import DEADLINES, Category, Melding, Photo
from .workflow import ANSWERED

KEY = "meldingen"
CATEGORY = "meldingen.category"


def category_names(pks, language: str) -> dict[int, str]:
    """ "Afval › Grofvuil op straat" in `language` for the categories of a page of entries."""
    categories = Category.objects.filter(pk__in=pks).select_related("parent")
    return {category.pk: category_label(category, language) for category in categories}


def counts(wijk=None) -> ledger.Counts:
    """The same figures as the public wijk pages (meldingen/figures/stats.py): one definition."""
    meldingen = Melding.objects.public()
    if wijk is not None:
        meldingen = meldingen.in_wijk(wijk)
    return ledger.Counts(**meldingen.order_by().aggregate(**DEADLINES.counts()))


def answered_queryset():
    after = Photo.objects.filter(kind=Photo.Kind.AFTER).order_by("created_at", "pk")
    return (
        Melding.objects.public()
        .filter(status__in=ANSWERED, closed_at__isnull=False)
        .select_related("category__parent", "wijk")
        .prefetch_related(Prefetch("photos", queryset=after, to_attr="after_photos"))
        .order_by("pk")
    )


def build(batch) -> list[tuple[int, dict]]:
    result = []
    with translation.override("nl"):
        for melding in batch:
            photo = melding.after_photos[0] if melding.after_photos else None
            wijk_url = (
                reverse("meldingen_public:wijk", args=[melding.wijk.slug])
                if melding.wijk
                else reverse("meldingen_public:index")
            )
            result.append(
                (
                    melding.pk,
                    ledger.entry_fields(
                        source=KEY,
                        title=[texts.ref(CATEGORY, melding.category_id)],
                        # the Dutch source of the public status, worded for each reader
                        answer=[texts.msg(str(melding.public_label))],
                        answered_at=melding.closed_at,
                        wijk=melding.wijk,
                        input_url=wijk_url,
                        input_reference=melding.reference,
                        input_summary=melding.public_description,
                        input_received_at=melding.created_at,
                        deadline=melding.deadline,
                        on_time=DEADLINES.answered_on_time(melding),
                        photo_url=reverse("meldingen_public:photo", args=[photo.pk])
                        if photo
                        else "",
                    ),
                )
            )
    return result


def register() -> None:
    texts.register_reference(CATEGORY, category_names)
    feed = ledger.Feed(model=Melding, answered=answered_queryset, build=build)
    ledger.register_source(KEY, _("Meldingen"), counts, unit=_("meldingen"), feeds=[feed])
