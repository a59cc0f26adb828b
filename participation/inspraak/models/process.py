"""A participation process (inspraaktraject): what is asked, of whom, with how much influence,
in which phases, and the promised follow-up report ("wat is er met uw inbreng gedaan")."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index

from common.feedback.deadlines import Deadlines
from common.fields import optional_fk
from common.ladder import Influence

from .. import workflow
from ..workflow import Status

# What each step of the participation ladder means for a resident, in plain words (B1).
INFLUENCE_EXPLAINED = {
    Influence.INFORMEREN: _(
        "Wij vertellen u wat er gaat gebeuren. Het besluit is al genomen. U kunt vragen stellen."
    ),
    Influence.RAADPLEGEN: _(
        "Wij vragen wat u ervan vindt. Wij nemen uw mening mee, maar de gemeente beslist."
    ),
    Influence.ADVISEREN: _(
        "U geeft advies. De gemeente volgt uw advies, tenzij er een goede reden is om dat niet "
        "te doen. Die reden leggen wij dan aan u uit."
    ),
    Influence.COPRODUCEREN: _(
        "U maakt het plan samen met de gemeente. Wat we samen afspreken, is het uitgangspunt."
    ),
    Influence.MEEBESLISSEN: _(
        "U beslist mee. Wat bewoners kiezen, voert de gemeente uit (binnen de regels en het "
        "budget die wij vooraf noemen)."
    ),
}


class Audience(models.TextChoices):
    IEDEREEN = "iedereen", _("Alle bewoners")
    JEUGD = "jeugd", _("Jongeren")
    OUDERS = "ouders", _("Ouders en kinderen")
    OUDEREN = "ouderen", _("Ouderen")
    ONDERNEMERS = "ondernemers", _("Ondernemers")
    NIEUWKOMERS = "nieuwkomers", _("Nieuwkomers")
    HUURDERS = "huurders", _("Huurders")


def audiences_overlap(first: list[str], second: list[str]) -> bool:
    """'Alle bewoners' meets every group; otherwise the groups must share one."""
    if not first or not second:
        return True
    if Audience.IEDEREEN in first or Audience.IEDEREEN in second:
        return True
    return bool(set(first) & set(second))


# The promise of a process (common/feedback/deadlines.py): the follow-up report by the end of
# `followup_due`. Once the process is published that date is not moved (ProcessAdminForm).
DEADLINES = Deadlines(
    promise="followup_due",
    answered_at="report_published_at",
    waiting=workflow.PUBLIC,
    received="published_at",
    promise_is_date=True,
)


class ProcessQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=workflow.PUBLIC)

    def in_wijk(self, wijk):
        return self.filter(wijken=wijk) if wijk is not None else self

    def between(self, start: dt.date, end: dt.date):
        """Running on at least one day of [start, end]."""
        return self.filter(starts_on__lte=end, ends_on__gte=start)

    def running(self, today: dt.date | None = None):
        """Published and open for input today (for wijk pages and the like)."""
        today = today or timezone.localdate()
        return self.published().filter(starts_on__lte=today, ends_on__gte=today)

    def overdue(self, today: dt.date | dt.datetime | None = None):
        """Published, the promised follow-up date has passed, and no report yet."""
        return self.filter(DEADLINES.overdue_q(today))


class Process(index.Indexed, ClusterableModel):
    title = models.CharField(_("titel"), max_length=160)
    slug = models.SlugField(_("adres (slug)"), max_length=80, unique=True)
    summary = models.TextField(
        _("waar gaat het over?"), help_text=_("Kort en in eenvoudige woorden (taalniveau B1).")
    )
    question = models.TextField(
        _("wat vragen we aan bewoners?"),
        blank=True,
        help_text=_("De vraag boven het reactieformulier."),
    )
    wijken = models.ManyToManyField("common.Wijk", verbose_name=_("wijken"), related_name="+")
    afdeling = models.ForeignKey(
        "common.Afdeling", verbose_name=_("afdeling"), on_delete=models.PROTECT, related_name="+"
    )
    owner = optional_fk(
        settings.AUTH_USER_MODEL,
        _("eigenaar (krijgt herinneringen)"),
        related_name="owned_processes",
    )
    audience = models.JSONField(
        _("voor wie"), default=list, help_text=_("Voor welke bewoners is dit traject?")
    )
    influence = models.CharField(
        _("invloed van bewoners"), max_length=20, choices=Influence.choices
    )
    influence_note = models.TextField(
        _("wat ligt al vast, waar gaat u over?"),
        blank=True,
        help_text=_("Bijvoorbeeld: de plek van het plein ligt vast; de inrichting niet."),
    )
    how_to_take_part = models.TextField(
        _("hoe doet u mee?"),
        blank=True,
        help_text=_("Bijeenkomsten, inloop, enquête aan de deur... Online reageren staat apart."),
    )
    online_reactions = models.BooleanField(_("online reageren mogelijk"), default=True)
    starts_on = models.DateField(_("begint op"))
    ends_on = models.DateField(_("reageren kan tot en met"))
    followup_due = models.DateField(
        _("terugkoppeling uiterlijk"),
        help_text=_("De datum waarop u belooft te vertellen wat er met de inbreng is gedaan."),
    )
    # The promise above stays once the process is online; a later date goes here and is shown
    # to residents beside the promise (common/feedback/deadlines.py).
    followup_expected = models.DateField(
        _("terugkoppeling nu verwacht"),
        null=True,
        blank=True,
        help_text=_(
            "Lukt de beloofde datum niet? Vul hier de nieuwe datum in. De beloofde datum blijft "
            "staan, en het traject blijft te laat tot de terugkoppeling er is."
        ),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = optional_fk(settings.AUTH_USER_MODEL, related_name="+", editable=False)
    # The clashing processes the coordinator saw and accepted when publishing.
    clashes_confirmed = models.JSONField(default=list, blank=True, editable=False)
    report = models.TextField(_("wat is er met uw inbreng gedaan"), blank=True, editable=False)
    report_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    report_published_by = optional_fk(settings.AUTH_USER_MODEL, related_name="+", editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProcessQuerySet.as_manager()
    # The site search (inspraak/search.py) finds published processes only.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.SearchField("question"),
        index.SearchField("how_to_take_part"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("inspraaktraject")
        verbose_name_plural = _("inspraaktrajecten")
        ordering = ["-starts_on", "-pk"]
        permissions = [("publish_process", _("Mag inspraaktrajecten publiceren"))]
        indexes = [
            models.Index(fields=["status", "starts_on", "ends_on"]),
            models.Index(fields=["status", "report_published_at", "followup_due"]),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("De einddatum ligt vóór de begindatum.")
        if self.ends_on and self.followup_due and self.followup_due < self.ends_on:
            errors["followup_due"] = _(
                "De terugkoppeling kan pas na het reageren: kies een datum na de einddatum."
            )
        unknown = set(self.audience or []) - set(Audience.values)
        if unknown:
            errors["audience"] = _("Onbekende doelgroep: %(names)s.") % {
                "names": ", ".join(sorted(unknown))
            }
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return workflow.is_public(self.status)

    @property
    def has_report(self) -> bool:
        return self.report_published_at is not None

    def is_overdue(self, today: dt.date | dt.datetime | None = None) -> bool:
        return DEADLINES.is_overdue(self, today)

    @property
    def answered_on_time(self) -> bool | None:
        return DEADLINES.answered_on_time(self)

    def is_open_for_reactions(self, today: dt.date | None = None) -> bool:
        return workflow.accepts_reactions(
            status=self.status,
            online_reactions=self.online_reactions,
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            today=today or timezone.localdate(),
        )

    @property
    def influence_explained(self) -> str:
        return INFLUENCE_EXPLAINED[Influence(self.influence)]

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[a]) for a in self.audience or [] if a in labels]

    def stage(self, today: dt.date | None = None) -> workflow.Stage:
        return workflow.current_stage(
            starts_on=self.starts_on,
            ends_on=self.ends_on,
            has_report=self.has_report,
            today=today or timezone.localdate(),
        )

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("participation:processes:detail", args=[self.slug])


class Phase(Orderable):
    process = ParentalKey(Process, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("fase"), max_length=120)
    description = models.TextField(_("wat gebeurt er?"), blank=True)
    starts_on = models.DateField(_("van"))
    ends_on = models.DateField(_("tot en met"))

    class Meta(Orderable.Meta):
        verbose_name = _("fase")
        verbose_name_plural = _("fasen")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("De einddatum ligt vóór de begindatum.")})

    def is_current(self, today: dt.date) -> bool:
        return workflow.phase_is_current(
            starts_on=self.starts_on, ends_on=self.ends_on, today=today
        )
