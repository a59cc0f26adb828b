"""The inputs and results of one Method of Equal Shares run (see mes.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass
class MesInput:
    """One project list and one ballot list, prepared once for repeated runs (add-one)."""

    costs: list[Fraction]
    sup: list[list[int]]  # per project: ballot types supporting it
    mult: list[int]  # per ballot type: number of voters
    rank: list[int]  # tie-break: smaller rank wins
    unit: list[Fraction | None]  # per project: the utility of every supporter, or None ...
    utils: list[list[Fraction] | None]  # ... then one utility per supporter (cardinal ballots)
    n_voters: int
    split: tuple | None = None  # (single-voter types, repeated types) per project, if known

    def total_utility(self, j: int) -> Fraction:
        if self.unit[j] is not None:
            return self.unit[j] * sum(map(self.mult.__getitem__, self.sup[j]))
        return sum(
            (u * self.mult[t] for t, u in zip(self.sup[j], self.utils[j], strict=True)), Fraction(0)
        )


@dataclass
class Selection:
    project: int
    rho: float  # price per unit of utility; supporters pay min(budget, rho * utility)
    hist: dict  # supporters' classes (or (class, utility)) -> number of voters, when bought
    exact: Fraction | None = None
    margin: float = 0.0  # how far `rho` may be from the exact value
    slope: float | None = None  # with track=True: d rho / d share, and its error bound
    slope_err: float = 0.0


@dataclass
class MesResult:
    selected: list[int]  # in the order bought (free projects first)
    free: list[int]
    steps: list[Selection] = field(default_factory=list)
    dropped: dict[int, int] = field(default_factory=dict)  # project -> round it became unaffordable
    # with track=True: the share may grow by less than this with the same steps and outcome
    stable: float = 0.0

    def same_for(self) -> int:
        """How many whole increments of the share are known to select the same projects."""
        if self.stable == float("inf") or self.stable <= 1:
            return 0
        return math.ceil(self.stable) - 1
