"""The initiative itself and its budget lines."""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from common.feedback.channel import InputChannel
from common.feedback.deadlines import Deadlines
from common.feedback.events import CurrentStatus
from common.feedback.language import InputLanguage
from common.feedback.location import CoarseLocation
from common.fields import optional_fk

from ..workflow import ACTIVE, CLOSED, EDITABLE, OPEN, PUBLIC, PUBLIC_ICONS, PUBLIC_LABELS, Status

# Two promises (common/feedback/deadlines.py), neither ever moved: a broker responds by
# `first_response_deadline` (a message in the thread or taking the initiative counts), and
# decides by `decision_deadline` (set when a broker takes it). The ledger's answer is the decision.
FIRST_RESPONSE = Deadlines(
    promise="first_response_deadline",
    answered_at="first_response_at",
    waiting={Status.INGEDIEND},
    received="submitted_at",
)
DECISION = Deadlines(
    promise="decision_deadline",
    answered_at="decided_at",
    waiting={Status.INGEDIEND, Status.IN_GESPREK},
    received="submitted_at",
)


def overdue_q(now=None) -> Q:
    """Late on either promise: what the workspace's "te laat" and the ledger count."""
    return FIRST_RESPONSE.overdue_q(now) | DECISION.overdue_q(now)


class Theme(models.TextChoices):
    ONTMOETING = "ontmoeting", _("Ontmoeting")
    CULTUUR = "cultuur", _("Cultuur")
    SPORT = "sport_en_bewegen", _("Sport en bewegen")
    GROEN = "groen_en_schoon", _("Groen en schoon")
    VEILIGHEID = "veiligheid", _("Veiligheid")
    JEUGD = "jeugd", _("Jeugd")
    TAAL = "taal_en_digitaal", _("Taal en digitale vaardigheden")
    GEZONDHEID = "gezondheid", _("Gezondheid")
    ANDERS = "anders", _("Anders")


class Help(models.TextChoices):
    GELD = "geld", _("Geld")
    RUIMTE = "ruimte", _("Een ruimte")
    VERGUNNING = "vergunning", _("Een vergunning")
    VRIJWILLIGERS = "vrijwilligers", _("Vrijwilligers")
    BEKENDHEID = "bekendheid", _("Bekendheid (mensen laten weten dat het er is)")
    ADVIES = "advies", _("Advies")


class DeclineReason(models.TextChoices):
    NOT_IN_ZUIDWEST = "niet_in_zuidwest", _("Het initiatief is niet voor bewoners van Zuidwest")
    NOT_PUBLIC = "niet_openbaar", _("Niet iedereen uit de buurt kan meedoen")
    COMMERCIAL = "commercieel", _("Het is een commerciële activiteit")
    ALREADY_FUNDED = "al_betaald", _("Er is al ander geld voor, of het hoort bij gewoon werk")
    FUND_EMPTY = "fonds_leeg", _("Het fonds is dit jaar op")
    NOT_FEASIBLE = "niet_haalbaar", _("Het plan is (nog) niet uitvoerbaar")
    OTHER = "anders", _("Een andere reden (staat in het bericht)")


class WaitingOn(models.TextChoices):
    NOBODY = "", _("niemand")
    INITIATOR = "initiator", _("de initiatiefnemer")
    BROKER = "broker", _("de makelaar")


class InitiativeQuerySet(models.QuerySet):
    def concepts(self):
        return self.filter(status=Status.CONCEPT)

    def submitted(self):
        return self.exclude(status=Status.CONCEPT)

    def open(self):
        return self.filter(status__in=OPEN)

    def active(self):
        """Submitted and not closed: what brokers work on."""
        return self.filter(status__in=ACTIVE)

    def closed(self):
        return self.filter(status__in=CLOSED)

    def public(self):
        """Shown to everyone: the initiator agreed, and the state is one we show."""
        return self.filter(publish_consent=True, status__in=PUBLIC)

    def in_wijk(self, wijk):
        return self.filter(wijk=wijk)

    def unassigned(self):
        return self.active().filter(broker=None)

    def assigned_to(self, user):
        return self.active().filter(broker=user)

    def waiting_for_initiator(self):
        return self.active().filter(waiting_on=WaitingOn.INITIATOR)

    def overdue(self, now=None):
        """No first response by its promise, or no decision by its promise."""
        return self.filter(overdue_q(now))

    def of_initiator(self, user):
        """Initiatives the user started or helps to run (an accepted co-initiator)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(initiator=user)
            | Q(co_initiators__user=user, co_initiators__accepted_at__isnull=False)
        ).distinct()

    def with_total(self):
        return self.annotate(requested_cents=Sum("budget_lines__amount_cents"))


class Initiative(
    InputLanguage, InputChannel, CurrentStatus, CoarseLocation, index.Indexed, models.Model
):
    reference = models.CharField(_("kenmerk"), max_length=20, unique=True, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, db_index=True
    )
    initiator = optional_fk(
        settings.AUTH_USER_MODEL, _("initiatiefnemer"), related_name="initiatives"
    )
    title = models.CharField(_("titel"), max_length=120)
    what_why = models.TextField(_("wat en waarom"), blank=True)
    for_whom = models.TextField(_("voor wie"), blank=True)
    theme = models.CharField(_("thema"), max_length=20, choices=Theme.choices, blank=True)
    wijk = optional_fk(
        "common.Wijk", _("wijk"), on_delete=models.PROTECT, related_name="initiatives"
    )
    place = models.CharField(_("waar precies"), max_length=200, blank=True)
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True)
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True)
    when_text = models.CharField(_("wanneer"), max_length=200, blank=True)
    start_date = models.DateField(_("startdatum"), null=True, blank=True)
    help_needed = models.JSONField(_("hulp nodig bij"), default=list, blank=True)
    help_notes = models.TextField(_("toelichting op de hulp"), blank=True)
    publish_consent = models.BooleanField(_("mag op de website"), default=False)
    draft_step = models.PositiveSmallIntegerField(default=0, editable=False)

    broker = optional_fk(
        settings.AUTH_USER_MODEL, _("makelaar"), related_name="brokered_initiatives"
    )
    afdeling = optional_fk("common.Afdeling", _("afdeling"), related_name="+")
    # An initiative entered at the desk for a resident without an account yet: the phone number
    # the broker calls (only staff see it; it goes when the resident's account is erased).
    contact_phone = models.CharField(_("telefoonnummer van de bewoner"), max_length=30, blank=True)
    waiting_on = models.CharField(
        max_length=10, choices=WaitingOn.choices, default=WaitingOn.NOBODY, blank=True
    )

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("ingediend op"), null=True, blank=True, db_index=True)
    first_response_deadline = models.DateTimeField(_("eerste reactie uiterlijk"), null=True)
    first_response_at = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    decision_deadline = models.DateTimeField(_("besluit uiterlijk"), null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    support_count = models.PositiveIntegerField(_("steunbetuigingen"), default=0)
    volunteer_count = models.PositiveIntegerField(_("vrijwilligers"), default=0)

    objects = InitiativeQuerySet.as_manager()
    public_labels = PUBLIC_LABELS
    public_icons = PUBLIC_ICONS
    # The site search (initiatives/search.py) searches only the public ones, by these filters.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("what_why"),
        index.SearchField("for_whom"),
        index.SearchField("place"),
        index.RelatedFields("wijk", [index.SearchField("name")]),
        index.FilterField("publish_consent"),
        index.FilterField("status"),
    ]
    open_statuses = OPEN

    class Meta:
        verbose_name = _("initiatief")
        verbose_name_plural = _("initiatieven")
        ordering = ["-submitted_at", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["wijk", "status", "-submitted_at"]),
            models.Index(fields=["publish_consent", "status", "-submitted_at"]),
            models.Index(fields=["broker", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference or _('concept')} – {self.title}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def is_public(self) -> bool:
        return self.publish_consent and self.status in PUBLIC

    @property
    def is_first_response_overdue(self) -> bool:
        return FIRST_RESPONSE.is_overdue(self)

    @property
    def is_decision_overdue(self) -> bool:
        return DECISION.is_overdue(self)

    @property
    def is_overdue(self) -> bool:
        return self.is_first_response_overdue or self.is_decision_overdue

    @property
    def total_cents(self) -> int:
        """What the budget lines add up to; uses prefetched lines when there are any."""
        if hasattr(self, "requested_cents"):  # InitiativeQuerySet.with_total()
            return self.requested_cents or 0
        return sum(line.amount_cents for line in self.budget_lines.all())

    def help_labels(self) -> list[str]:
        labels = dict(Help.choices)
        return [str(labels[h]) for h in self.help_needed if h in labels]


class BudgetLine(models.Model):
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="budget_lines"
    )
    description = models.CharField(_("waarvoor"), max_length=200)
    amount_cents = models.PositiveBigIntegerField(_("bedrag (centen)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.description}: {self.amount_cents}"
