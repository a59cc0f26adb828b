"""A budget round: where, how much, when, who may vote, how ballots look and how they are counted.
Money is whole cents in an integer, as everywhere on the platform."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..workflow import PhaseDates, current_phase


class Eligibility(models.TextChoices):
    CODES = "codes", _("Stemcode per brief")
    ACCOUNT = "account", _("Account met een postcode in de wijk en een minimumleeftijd")


class BallotRule(models.TextChoices):
    APPROVAL = "approval", _("Kies tussen een minimum en maximum aantal plannen")
    KNAPSACK = "knapsack", _("Kies plannen binnen het budget")
    CUMULATIVE = "cumulative", _("Verdeel punten over de plannen")


class OutcomeRule(models.TextChoices):
    GREEDY = "greedy", _("Meeste stemmen eerst (wat niet meer past, valt af)")
    MES_COST = "mes-cost", _("Methode van Gelijke Delen (kosten)")
    MES_APPROVAL = "mes-approval", _("Methode van Gelijke Delen (aantal plannen)")
    GREEDY_THRESHOLD = "greedy-threshold", _("Meeste stemmen eerst, met een minimum aantal stemmen")
    GREEDY_NO_SKIP = (
        "greedy-no-skip",
        _("Meeste stemmen eerst, stoppen bij het eerste dat niet past"),
    )
    EQUALSHARES_ADD1 = "equalshares/add1", _("Gelijke Delen zoals equalshares.net (add-one)")
    EQUALSHARES_COMPARISON = (
        "equalshares/add1-comparison",
        _("Gelijke Delen zoals equalshares.net, met vergelijking tegen meeste stemmen"),
    )


MES_RULES = frozenset({OutcomeRule.MES_COST, OutcomeRule.MES_APPROVAL})
OFFICIAL_RULES = frozenset(
    {
        OutcomeRule.GREEDY_THRESHOLD,
        OutcomeRule.GREEDY_NO_SKIP,
        OutcomeRule.EQUALSHARES_ADD1,
        OutcomeRule.EQUALSHARES_COMPARISON,
    }
)


class Completion(models.TextChoices):
    NONE = "", _("Geen")
    ADD1 = "add1", _("Add-one, daarna meeste stemmen (restgeld besteden)")


def _salt() -> str:
    return secrets.token_hex(16)


class RoundQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)

    def of_zuidwest(self):
        """Rounds residents of Zuidwest voted in: not an election imported from a pabulib file
        (those are examples; the ledger, the figures, wijk pages and search leave them out)."""
        return self.filter(pabulib__isnull=True)


class Round(models.Model):
    title = models.CharField(_("titel"), max_length=140)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    intro = models.TextField(_("uitleg voor bewoners"), blank=True)
    wijken = models.ManyToManyField("common.Wijk", verbose_name=_("wijken"), related_name="+")
    budget_cents = models.BigIntegerField(_("budget (in centen)"))
    is_published = models.BooleanField(_("zichtbaar op de site"), default=True)

    ideas_open_at = models.DateTimeField(_("ideeën indienen vanaf"), null=True, blank=True)
    review_starts_at = models.DateTimeField(_("haalbaarheid vanaf"), null=True, blank=True)
    voting_starts_at = models.DateTimeField(_("stemmen vanaf"), null=True, blank=True)
    voting_ends_at = models.DateTimeField(
        _("stemmen tot (gepland)"),
        null=True,
        blank=True,
        help_text=_("Het stemmen stopt pas als een medewerker de ronde sluit."),
    )
    realisation_starts_at = models.DateTimeField(_("uitvoering vanaf"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True, editable=False)

    eligibility = models.CharField(
        _("wie mag stemmen"), max_length=10, choices=Eligibility.choices, default=Eligibility.CODES
    )
    min_age = models.PositiveSmallIntegerField(_("minimumleeftijd"), default=16)

    ballot_rule = models.CharField(
        _("stembiljet"), max_length=12, choices=BallotRule.choices, default=BallotRule.KNAPSACK
    )
    min_projects = models.PositiveSmallIntegerField(_("minimaal aantal plannen"), default=1)
    max_projects = models.PositiveSmallIntegerField(
        _("maximaal aantal plannen"), null=True, blank=True
    )
    min_share_percent = models.PositiveSmallIntegerField(
        _("minimaal deel van het budget (%)"),
        default=0,
        help_text=_("Alleen bij 'binnen het budget': de plannen samen kosten minstens zoveel."),
    )
    points_total = models.PositiveSmallIntegerField(_("punten per stemmer"), default=10)
    points_max_per_project = models.PositiveSmallIntegerField(
        _("hoogstens punten per plan"), default=5
    )

    outcome_rule = models.CharField(
        _("telmethode"), max_length=32, choices=OutcomeRule.choices, default=OutcomeRule.MES_COST
    )
    completion = models.CharField(
        _("aanvulling"),
        max_length=8,
        choices=Completion.choices,
        default=Completion.ADD1,
        blank=True,
    )
    score_threshold = models.PositiveIntegerField(
        _("minimum aantal stemmen"),
        default=0,
        help_text=_("Alleen bij 'met een minimum aantal stemmen'."),
    )

    code_salt = models.CharField(max_length=32, default=_salt, editable=False)
    # The published count, written once by round_close (see services/tally.py).
    result = models.JSONField(null=True, blank=True, editable=False)
    # Only on a round imported by `pb_import`: what pb_export needs to give the file back as it
    # was — {"meta": [[key, value], ...] (the META section in order), "projects": the PROJECTS
    # header, "votes": the VOTES header, "voter_columns": the vote-line columns each imported
    # Ballot keeps}. Empty for every round residents of Zuidwest take part in.
    pabulib = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijkbudgetronde")
        verbose_name_plural = _("wijkbudgetrondes")
        ordering = ["-voting_starts_at", "-pk"]
        permissions = [
            ("review_proposals", _("Haalbaarheid van voorstellen beoordelen")),
            ("manage_voting", _("Stemcodes maken en papieren stembiljetten invoeren")),
            ("close_round", _("Een ronde sluiten en de uitslag publiceren")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_cents__gt=0), name="round_budget_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(min_share_percent__lte=100), name="round_share_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def dates(self) -> PhaseDates:
        return PhaseDates(
            self.ideas_open_at,
            self.review_starts_at,
            self.voting_starts_at,
            self.voting_ends_at,
            self.realisation_starts_at,
            self.closed_at,
        )

    def phase(self, now=None):
        return current_phase(self.dates, now or timezone.now())

    def budget_label(self) -> str:
        from common.money import format_euros

        return format_euros(self.budget_cents)

    budget_label.short_description = _("budget")

    @property
    def is_imported(self) -> bool:
        return self.pabulib is not None

    def imported_from(self) -> str:
        """Where an imported election was held, as the file says ("Assen, Netherlands")."""
        meta = dict((self.pabulib or {}).get("meta", []))
        parts = [meta.get(k, "") for k in ("district", "unit", "country")]
        return ", ".join(dict.fromkeys(p for p in parts if p))

    @property
    def is_cumulative(self) -> bool:
        return self.ballot_rule == BallotRule.CUMULATIVE

    def clean(self) -> None:
        errors = {}
        order = [
            ("ideas_open_at", self.ideas_open_at),
            ("review_starts_at", self.review_starts_at),
            ("voting_starts_at", self.voting_starts_at),
            ("voting_ends_at", self.voting_ends_at),
            ("realisation_starts_at", self.realisation_starts_at),
        ]
        previous = None
        for name, value in order:
            if value is None:
                continue
            if previous is not None and value < previous:
                errors[name] = _("Deze datum ligt voor de vorige fase. Zet de fasen op volgorde.")
            previous = value
        if self.max_projects is not None and self.max_projects < self.min_projects:
            errors["max_projects"] = _("Het maximum is kleiner dan het minimum.")
        if self.points_max_per_project > self.points_total:
            errors["points_max_per_project"] = _(
                "Iemand kan niet meer punten aan één plan geven dan hij in totaal heeft."
            )
        if self.outcome_rule in OFFICIAL_RULES and self.completion:
            errors["completion"] = _(
                "Deze telmethode heeft een eigen aanvulling; kies hier 'Geen'."
            )
        if (
            self.outcome_rule in {OutcomeRule.EQUALSHARES_ADD1, OutcomeRule.EQUALSHARES_COMPARISON}
            and self.ballot_rule == BallotRule.CUMULATIVE
        ):
            errors["outcome_rule"] = _(
                "Deze vorm van Gelijke Delen werkt alleen met een stembiljet zonder punten."
            )
        if errors:
            raise ValidationError(errors)
