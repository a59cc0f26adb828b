"""One row per answered input: what the resident said (only what may be public) and what we did."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...fields import optional_fk


class LedgerEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def in_wijk(self, wijk):
        """Entries of one wijk: its own, and those of inputs that span several wijken."""
        if wijk is None:
            return self
        spanning = LedgerEntry.more_wijken.through.objects.filter(wijk=wijk)
        return self.filter(Q(wijk=wijk) | Q(pk__in=spanning.values("ledgerentry_id")))

    def of_source(self, key: str):
        return self.filter(source=key)


class LedgerEntry(models.Model):
    source = models.CharField(_("bron"), max_length=40, db_index=True)
    # The input this entry answers; one entry per object, so publishing again updates it.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    input = GenericForeignKey("content_type", "object_id")
    input_url = models.CharField(_("link naar de inbreng"), max_length=500, blank=True)
    input_reference = models.CharField(_("kenmerk van de inbreng"), max_length=40, blank=True)
    input_summary = models.TextField(_("u zei"), blank=True)
    input_received_at = models.DateTimeField(_("inbreng ontvangen op"), null=True, blank=True)

    wijk = optional_fk("common.Wijk", related_name="+")
    # An input about several wijken (a consultation) is listed in each of them.
    more_wijken = models.ManyToManyField("common.Wijk", blank=True, related_name="+")
    # In Dutch, for the admin and search; what residents read is rendered from the parts below
    # (common/feedback/texts.py) in their own language, when the module stored parts.
    title = models.CharField(_("titel"), max_length=200)
    answer = models.TextField(_("wij deden"))
    title_parts = models.JSONField(default=list, blank=True, editable=False)
    answer_parts = models.JSONField(default=list, blank=True, editable=False)
    answered_at = models.DateTimeField(_("beantwoord op"), default=timezone.now)
    deadline = models.DateTimeField(_("beloofd uiterlijk"), null=True, blank=True)
    # None: nothing was promised, so neither on time nor late (common/feedback/deadlines.py).
    on_time = models.BooleanField(_("op tijd"), null=True, blank=True)
    photo_url = models.CharField(_("foto"), max_length=500, blank=True)
    is_public = models.BooleanField(_("openbaar"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LedgerEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("terugkoppeling")
        verbose_name_plural = _("terugkoppelingen")
        ordering = ["-answered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="ledger_one_entry_per_input"
            )
        ]
        indexes = [
            models.Index(fields=["is_public", "-answered_at"]),
            models.Index(fields=["wijk", "is_public", "-answered_at"]),
            models.Index(fields=["source", "is_public", "-answered_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.title}"


def in_reader_language(entries) -> list:
    """The entries with `title` and `answer` worded in the active language (from their parts,
    one query per kind of reference data for the whole list); entries without parts keep the
    words they were stored with."""
    from ..texts import render_many

    entries = list(entries)
    titles = render_many([e.title_parts for e in entries])
    answers = render_many([e.answer_parts for e in entries])
    for entry, title, answer in zip(entries, titles, answers, strict=True):
        if entry.title_parts:
            entry.title = title
        if entry.answer_parts:
            entry.answer = answer
    return entries
