"""The data a participatory-budgeting outcome is computed from: projects, budget and ballots.

Ballots are stored compactly, because real rounds have tens of thousands of voters but far fewer
distinct ballots and only a few dozen projects: identical ballots are kept once with a count, and
every project keeps the list of ballot types that support it, so a rule never walks all voters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import compress
from operator import not_

APPROVAL_TYPES = frozenset({"approval", "choose-1"})
CARDINAL_TYPES = frozenset({"cumulative", "scoring"})
VOTE_TYPES = APPROVAL_TYPES | CARDINAL_TYPES | {"ordinal"}


@dataclass
class Project:
    id: str
    cost: Fraction
    name: str = ""
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class Instance:
    budget: Fraction
    projects: list[Project]
    meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index: dict[str, int] = {p.id: i for i, p in enumerate(self.projects)}

    @property
    def vote_type(self) -> str:
        return self.meta.get("vote_type", "approval")

    def total_cost(self, indices: object) -> Fraction:
        return sum((self.projects[j].cost for j in indices), Fraction(0))  # type: ignore[attr-defined]

    def id_rank(self) -> list[int]:
        """Rank of each project in the order of ids as strings: pabutools' default tie-break."""
        order = sorted(range(len(self.projects)), key=lambda j: self.projects[j].id)
        rank = [0] * len(order)
        for r, j in enumerate(order):
            rank[j] = r
        return rank


@dataclass
class Profile:
    """Distinct ballots with their counts.

    `ballots[t]` is a tuple of project indices (sorted for approval ballots, in the voter's order
    for ordinal ones); `points[t]` holds the matching points for cumulative and scoring ballots.
    An empty ballot still counts as a voter: it dilutes everyone's equal share, as in pabutools.
    """

    vote_type: str
    n_projects: int
    ballots: list[tuple[int, ...]]
    counts: list[int]
    points: list[tuple[Fraction, ...]] | None = None
    _supporters: list[list[int]] | None = field(default=None, repr=False)
    _split: tuple | None = field(default=None, repr=False)

    @property
    def n_voters(self) -> int:
        return sum(self.counts)

    @property
    def is_cardinal(self) -> bool:
        return self.points is not None

    def supporters(self) -> list[list[int]]:
        """Per project, the ballot types that name it (with any number of points)."""
        if self._supporters is None:
            sup: list[list[int]] = [[] for _ in range(self.n_projects)]
            add = [s.append for s in sup]
            for t, ballot in enumerate(self.ballots):
                for j in ballot:
                    add[j](t)
            self._supporters = sup
        return self._supporters

    def split_supporters(self) -> tuple[list[list[int]], list[list[int]]]:
        """Per project, its single-voter ballot types and its repeated ones (counted apart)."""
        if self._split is None:
            counts = self.counts
            ones: list[list[int]] = []
            many: list[list[int]] = []
            for sup in self.supporters():
                single = list(map((1).__eq__, map(counts.__getitem__, sup)))
                if all(single):
                    ones.append(sup)
                    many.append([])
                else:
                    ones.append(list(compress(sup, single)))
                    many.append(list(compress(sup, map(not_, single))))
            self._split = (ones, many)
        return self._split

    def utilities(self, j: int) -> list[Fraction]:
        """Points given to project j, parallel to `supporters()[j]` (cardinal ballots only)."""
        assert self.points is not None
        out = []
        for t in self.supporters()[j]:
            out.append(self.points[t][self.ballots[t].index(j)])
        return out

    def approvals(self) -> list[int]:
        """Number of voters naming each project."""
        get = self.counts.__getitem__
        return [sum(map(get, sup)) for sup in self.supporters()]

    def point_totals(self) -> list[Fraction]:
        """Total points per project; for approval ballots the number of approvals."""
        if self.points is None:
            return [Fraction(v) for v in self.approvals()]
        totals = [Fraction(0)] * self.n_projects
        for ballot, pts, c in zip(self.ballots, self.points, self.counts, strict=True):
            for j, p in zip(ballot, pts, strict=True):
                totals[j] += p * c
        return totals


@dataclass
class Voter:
    """One vote line as the file has it (read only on request: rules need the profile alone).
    `ballot` is the index of the voter's distinct ballot in the profile; `columns` holds the
    line's other fields (age, sex, district, ... in public datasets), by header name."""

    id: str
    ballot: int
    columns: dict[str, str] = field(default_factory=dict)


@dataclass
class Election:
    instance: Instance
    profile: Profile
    # Set by parse_text(..., voters=True) and by an export that keeps the file's voter ids:
    # every voter in file order, and the VOTES header, so a file can be written back as it was.
    voters: list[Voter] | None = None
    vote_header: list[str] | None = None
