"""Reports (meldingen): categories and routing, the report itself, its public history, photos,
internal notes, subscribers and the reporter's verdict."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.feedback.deadlines import Deadlines, Promised
from common.feedback.events import CurrentStatus, StatusEvent, actor_kind_field, status_field
from common.feedback.location import CoarseLocation
from common.feedback.notes import InternalNote as BaseInternalNote
from common.feedback.photos import PrivatePhoto
from common.fields import optional_fk

from .workflow import ANSWERED, CLOSED, OPEN, PUBLIC_LABELS, Actor, Status

# What "late" and "on time" mean for a report (common/feedback/deadlines.py): the promise is
# `deadline` (the category's handling term, never moved; `expected_at` is the new date told to
# the reporter when we miss it), answered when closed with an answer, owed while open, also
# while we wait for the reporter's answer.
DEADLINES = Deadlines(promise="deadline", answered_at="closed_at", waiting=OPEN, answered=ANSWERED)


class Category(models.Model):
    """A main category (parent empty) or a subcategory residents choose from."""

    parent = optional_fk("self", on_delete=models.PROTECT, related_name="children")
    name = models.CharField(_("naam"), max_length=80)
    name_en = models.CharField(_("naam in het Engels"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    icon = models.CharField(_("pictogram"), max_length=40, default="melden")
    keywords = models.CharField(
        _("zoekwoorden"),
        max_length=300,
        blank=True,
        help_text=_("Woorden die bewoners gebruiken, met komma's: ratten, muizen, ongedierte."),
    )
    default_afdeling = optional_fk("common.Afdeling", _("standaard afdeling"), related_name="+")
    handling_days = models.PositiveSmallIntegerField(_("afhandeltermijn (werkdagen)"), default=5)
    handling_message = models.TextField(
        _("bericht bij ontvangst"),
        blank=True,
        help_text=_("Wat de melder direct leest: wat er nu gebeurt en wanneer."),
    )
    is_public = models.BooleanField(_("openbaar op de kaart"), default=True)
    is_sensitive = models.BooleanField(
        _("gevoelig (ondermijning)"),
        default=False,
        help_text=_("Anoniem mogelijk, nooit openbaar, alleen zichtbaar voor team ondermijning."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    def label(self, language: str = "nl") -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class StandardText(models.Model):
    """A ready message to the reporter per category (or for all) and status."""

    category = optional_fk(Category, on_delete=models.CASCADE, related_name="standard_texts")
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    title = models.CharField(_("titel"), max_length=120)
    text = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("standaardtekst")
        verbose_name_plural = _("standaardteksten")
        ordering = ["status", "title"]

    def __str__(self) -> str:
        return self.title


class RoutingRule(models.Model):
    """Which department handles a category, optionally only in one wijk. The most specific
    rule wins; without one, the category's default department."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="routing_rules")
    wijk = optional_fk("common.Wijk", on_delete=models.CASCADE)
    afdeling = models.ForeignKey("common.Afdeling", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "wijk"], name="one_rule_per_category_and_wijk"
            ),
            models.UniqueConstraint(
                fields=["category"], condition=Q(wijk=None), name="one_default_rule_per_category"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} / {self.wijk or '*'} → {self.afdeling}"


# Public reports are numbered ZW-<year>-<n>; sensitive ones have their own sequence, so the
# public numbers have no gaps that would tell when a sensitive report came in.
PUBLIC_PREFIX = "ZW"
SENSITIVE_PREFIX = "ZWV"


class MeldingQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN)

    def closed(self):
        return self.filter(status__in=CLOSED)

    def public(self):
        return self.filter(category__is_public=True, is_sensitive=False).exclude(
            status=Status.SAMENGEVOEGD
        )

    def overdue(self, now=None):
        return self.filter(DEADLINES.overdue_q(now))

    def in_wijk(self, wijk):
        return self.filter(wijk=wijk)

    def visible_to(self, user):
        """Object-level permission for staff, the rule of `rules.reach`: own department;
        sensitive only for ondermijning."""
        from .rules import visible_q

        visible = visible_q(user)
        return self if visible is None else self.filter(visible)


class Melding(CurrentStatus, Promised, CoarseLocation, models.Model):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64, editable=False)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="meldingen")
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.GEMELD, db_index=True
    )
    is_sensitive = models.BooleanField(default=False, editable=False)
    description = models.TextField(_("omschrijving"))
    public_description = models.TextField(
        _("openbare omschrijving"),
        blank=True,
        help_text=_("Goedgekeurd door een behandelaar; zonder namen of andere persoonsgegevens."),
    )
    # Location: exact for the handler; the public map shows a coarsened point.
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    wijk = optional_fk("common.Wijk", related_name="meldingen")
    afdeling = optional_fk("common.Afdeling", related_name="+")
    assigned_to = optional_fk(
        settings.AUTH_USER_MODEL, _("behandelaar"), related_name="assigned_meldingen"
    )
    # The reporter: all optional, erased after closing (retention); never for sensitive reports
    # unless they typed it themselves.
    reporter = optional_fk(settings.AUTH_USER_MODEL, related_name="meldingen")
    reporter_email = models.EmailField(_("e-mail melder"), blank=True)
    reporter_phone = models.CharField(_("telefoon melder"), max_length=20, blank=True)
    keep_informed = models.BooleanField(_("houd mij op de hoogte"), default=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    deadline = models.DateTimeField(_("uiterste datum"), null=True, blank=True, db_index=True)
    # Set once the reporter and the handling staff were told that the deadline was missed.
    deadline_notified = models.BooleanField(default=False)
    expected_at = models.DateTimeField(
        _("nieuwe verwachte datum"),
        null=True,
        blank=True,
        help_text=_("Als we de uiterste datum niet halen; de uiterste datum zelf blijft staan."),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    merged_into = optional_fk("self", related_name="merged")
    supporters = models.PositiveIntegerField(_("ook gemeld door"), default=0)

    objects = MeldingQuerySet.as_manager()
    public_labels = PUBLIC_LABELS
    open_statuses = OPEN
    deadlines = DEADLINES

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["afdeling", "status", "-created_at"])]

    def __str__(self) -> str:
        return self.reference


class StatusChange(StatusEvent):
    """Append-only history; what the reporter sees is `public_message`."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="history")
    from_status = status_field(Status, blank=True)
    to_status = status_field(Status)
    actor_kind = actor_kind_field(Actor)
    # Doorgezet: to whom (police, the housing corporation).
    external_party = models.CharField(max_length=120, blank=True)

    public_labels = PUBLIC_LABELS

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.from_status} → {self.to_status}"


class InternalNote(BaseInternalNote):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="notes")

    class Meta(BaseInternalNote.Meta):
        ordering = ["created_at"]


class Photo(PrivatePhoto):
    """Photos of reports are never served from /media/: a view checks who may see them."""

    class Kind(models.TextChoices):
        REPORTER = "reporter", _("van de melder")
        AFTER = "after", _("na afhandeling")
        FEEDBACK = "feedback", _("bij de reactie van de melder")

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="photos")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REPORTER)

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.kind}"

    def upload_folder(self) -> str:
        return f"meldingen/{self.melding.created_at:%Y/%m}"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.exclude(confirmed_at=None)


class Subscription(models.Model):
    """Someone who follows a report: a supporter ("dit meld ik ook") or, after a merge, the
    reporter of the merged report."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="subscriptions")
    user = optional_fk(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # A typed address follows the report (and counts as a supporter) only once its owner
    # followed the link in the confirmation mail; an account's own address at once.
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["melding", "user"], condition=~Q(user=None), name="one_sub_per_user"
            ),
            models.UniqueConstraint(
                fields=["melding", "email"], condition=~Q(email=""), name="one_sub_per_email"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.melding_id}: {self.user_id or self.email}"


class Feedback(models.Model):
    """The reporter's answer to "Is het opgelost?"."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="feedback")
    satisfied = models.BooleanField()
    reason = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.melding_id}: {'ja' if self.satisfied else 'nee'}"


class DraftPhoto(PrivatePhoto):
    """A photo uploaded in step 3 of the report form, before the report exists. Kept by the
    draft's random token (in the visitor's session) and removed after a day by housekeeping.
    Nobody is shown it, so it gets no thumbnail."""

    token = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"concept {self.pk}"

    def upload_folder(self) -> str:
        return "meldingen/concept"
