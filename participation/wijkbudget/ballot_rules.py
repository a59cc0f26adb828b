"""Is a ballot valid under the round's rule? Pure Python: the ballot page, the confirmation,
the service and paper entry all ask this one function, and every refusal is plain Dutch.

A selection maps a proposal id to points (1 for ballots without points).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.money import format_euros


@dataclass(frozen=True)
class RuleConfig:
    rule: str  # approval | knapsack | cumulative
    budget_cents: int
    min_projects: int = 0
    max_projects: int | None = None
    min_share_percent: int = 0
    points_total: int = 10
    points_max_per_project: int = 5

    @classmethod
    def of(cls, round_) -> RuleConfig:
        return cls(
            rule=round_.ballot_rule,
            budget_cents=round_.budget_cents,
            min_projects=round_.min_projects,
            max_projects=round_.max_projects,
            min_share_percent=round_.min_share_percent,
            points_total=round_.points_total,
            points_max_per_project=round_.points_max_per_project,
        )


@dataclass
class Check:
    total_cents: int
    points_used: int
    count: int
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def check_ballot(config: RuleConfig, selection: dict[int, int], costs: dict[int, int]) -> Check:
    """`costs` holds the proposals on the ballot; anything else in `selection` is refused."""
    errors: list[str] = []
    unknown = [pid for pid in selection if pid not in costs]
    if unknown:
        errors.append(_("Een van de gekozen plannen staat niet op de lijst met plannen."))
    chosen = {pid: pts for pid, pts in selection.items() if pid in costs and pts}
    total = sum(costs[pid] for pid in chosen)
    points = sum(chosen.values())
    count = len(chosen)
    if any(pts < 0 for pts in selection.values()):
        errors.append(_("Punten kunnen niet negatief zijn."))
    if config.rule == "cumulative":
        if points > config.points_total:
            errors.append(
                _(
                    "U heeft %(used)s punten gegeven, maar u heeft er %(total)s. "
                    "Haal er %(over)s weg."
                )
                % {
                    "used": points,
                    "total": config.points_total,
                    "over": points - config.points_total,
                }
            )
        too_many = [pid for pid, pts in chosen.items() if pts > config.points_max_per_project]
        if too_many:
            errors.append(
                ngettext(
                    "U mag hoogstens %(k)s punt aan één plan geven.",
                    "U mag hoogstens %(k)s punten aan één plan geven.",
                    config.points_max_per_project,
                )
                % {"k": config.points_max_per_project}
            )
        if points == 0:
            errors.append(_("Geef minstens één punt aan een plan."))
    else:
        if any(pts > 1 for pts in chosen.values()):
            errors.append(_("Op dit stembiljet kiest u een plan, zonder punten."))
        if count < config.min_projects:
            errors.append(
                ngettext(
                    "Kies minstens %(n)s plan. U heeft er nu %(count)s gekozen.",
                    "Kies minstens %(n)s plannen. U heeft er nu %(count)s gekozen.",
                    config.min_projects,
                )
                % {"n": config.min_projects, "count": count}
            )
        if config.max_projects is not None and count > config.max_projects:
            errors.append(
                ngettext(
                    "U mag hoogstens %(n)s plan kiezen. U heeft er %(count)s gekozen.",
                    "U mag hoogstens %(n)s plannen kiezen. U heeft er %(count)s gekozen.",
                    config.max_projects,
                )
                % {"n": config.max_projects, "count": count}
            )
    if config.rule == "knapsack":
        if total > config.budget_cents:
            errors.append(
                _(
                    "De plannen die u koos kosten samen %(total)s. Dat is %(over)s meer dan het "
                    "budget van %(budget)s. Haal een plan weg of kies een goedkoper plan."
                )
                % {
                    "total": format_euros(total),
                    "over": format_euros(total - config.budget_cents),
                    "budget": format_euros(config.budget_cents),
                }
            )
        minimum = config.budget_cents * config.min_share_percent // 100
        if config.min_share_percent and total < minimum:
            errors.append(
                _(
                    "Kies plannen die samen minstens %(minimum)s kosten (%(pct)s%% van het "
                    "budget). Nu is het %(total)s."
                )
                % {
                    "minimum": format_euros(minimum),
                    "pct": config.min_share_percent,
                    "total": format_euros(total),
                }
            )
    return Check(total_cents=total, points_used=points, count=count, errors=errors)
