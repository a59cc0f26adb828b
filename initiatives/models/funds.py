"""The initiative fund of a wijk per year, grants from it, and the accountability afterwards.

The rule that matters: a grant never exceeds what remains. `Fund.granted_cents` is kept on the
fund row and changed only by `initiative_grant` (and a release on withdrawal) while that row is
locked; a CheckConstraint makes the database refuse a fund that is granted beyond its total,
even if a future code path forgets the lock."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.fields import optional_fk
from common.money import format_euros

from .initiative import BudgetLine, Initiative


class FundQuerySet(models.QuerySet):
    def with_spent(self):
        return self.annotate(
            spent_total=Sum("grants__spent_cents", filter=Q(grants__released_at=None))
        )


class Fund(models.Model):
    wijk = models.ForeignKey("common.Wijk", verbose_name=_("wijk"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("jaar"))
    total_cents = models.PositiveBigIntegerField(
        _("budget (centen)"), help_text=_("In centen: € 25.000 is 2500000.")
    )
    # Booked by the grant service only, under a lock: no form ever edits it.
    granted_cents = models.PositiveBigIntegerField(
        _("toegekend (centen)"), default=0, editable=False
    )

    objects = FundQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiatievenfonds")
        verbose_name_plural = _("initiatievenfondsen")
        ordering = ["-year", "wijk__sort_order", "wijk__name"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "year"], name="one_fund_per_wijk_per_year"),
            models.CheckConstraint(
                condition=Q(granted_cents__lte=F("total_cents")),
                name="fund_never_granted_beyond_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wijk} {self.year}"

    def clean(self) -> None:
        if self.total_cents is not None and self.total_cents < self.granted_cents:
            from django.core.exceptions import ValidationError

            raise ValidationError(
                {
                    "total_cents": _(
                        "Er is al %(granted)s toegekend; het budget kan niet lager zijn."
                    )
                    % {"granted": format_euros(self.granted_cents)}
                }
            )

    @property
    def remaining_cents(self) -> int:
        return self.total_cents - self.granted_cents

    @property
    def spent_cents(self) -> int:
        annotated = getattr(self, "spent_total", None)
        if annotated is not None:
            return annotated
        return (
            self.grants.filter(released_at=None).aggregate(total=Sum("spent_cents"))["total"] or 0
        )


class Grant(models.Model):
    initiative = models.OneToOneField(Initiative, on_delete=models.PROTECT, related_name="grant")
    # Empty for help without money (a space, advice): nothing is taken from a fund.
    fund = optional_fk(Fund, on_delete=models.PROTECT, related_name="grants")
    amount_cents = models.PositiveBigIntegerField(_("bedrag (centen)"))
    conditions = models.TextField(_("voorwaarden"), blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)
    # Withdrawn before it was used: the amount went back to the fund.
    released_at = models.DateTimeField(null=True, blank=True)
    spent_cents = models.PositiveBigIntegerField(_("uitgegeven (centen)"), null=True, blank=True)

    class Meta:
        verbose_name = _("toekenning")
        verbose_name_plural = _("toekenningen")
        ordering = ["-granted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.amount_cents}"


class Accountability(models.Model):
    """Filed by the initiator when the initiative is done; the broker confirms it (afronden)."""

    initiative = models.OneToOneField(
        Initiative, on_delete=models.CASCADE, related_name="accountability"
    )
    what_happened = models.TextField(_("wat er is gebeurd"))
    participants = models.PositiveIntegerField(_("aantal deelnemers"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    confirmed_by = optional_fk(settings.AUTH_USER_MODEL, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verantwoording")
        verbose_name_plural = _("verantwoordingen")

    def __str__(self) -> str:
        return f"{self.initiative_id}"

    @property
    def spent_cents(self) -> int:
        return sum(line.spent_cents for line in self.lines.all())


class AccountabilityLine(models.Model):
    accountability = models.ForeignKey(
        Accountability, on_delete=models.CASCADE, related_name="lines"
    )
    budget_line = models.ForeignKey(
        BudgetLine, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(max_length=200)
    planned_cents = models.PositiveBigIntegerField(default=0)
    spent_cents = models.PositiveBigIntegerField(_("uitgegeven (centen)"))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.description}: {self.spent_cents}"
