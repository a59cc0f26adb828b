"""Faceted filtering of the methods databank, in plain Python.

The index loads its methods in one query (they number in the tens, at most a few hundred) and
filters and counts here, so the page costs the same few queries on SQLite and PostgreSQL however
many methods and ticked boxes there are, and the rules below can be tested without a database.

Within one facet the ticked values are alternatives (any of them will do), except for
accessibility, where every ticked need must be met. Facets combine with AND. The count next to a
value says how many methods you would see after ticking it as well."""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _

from .vocabulary import Access, Audience, Channel, Cost, Duration, Goal, Influence, Suitability


@dataclass(frozen=True)
class MethodFacts:
    """What filters and advice need to know of a method; `key` is its slug."""

    key: str
    goals: frozenset[str] = frozenset()
    influence: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    duration: str = Duration.KORT
    cost: str = Cost.LAAG
    low_literacy: str = Suitability.AANPASSING
    other_languages: str = Suitability.AANPASSING
    group_min: int = 1
    group_max: int = 1000

    @property
    def access(self) -> frozenset[str]:
        values = set()
        if self.low_literacy == Suitability.GOED:
            values.add(Access.LAAGGELETTERD.value)
        if self.other_languages == Suitability.GOED:
            values.add(Access.ANDERSTALIG.value)
        return frozenset(values)


@dataclass(frozen=True)
class Facet:
    name: str  # the query parameter
    label: str
    choices: type[models.TextChoices]
    values: Callable[[MethodFacts], Iterable[str]]
    match_all: bool = False

    def matches(self, method: MethodFacts, ticked: set[str]) -> bool:
        if not ticked:
            return True
        have = set(self.values(method))
        return ticked <= have if self.match_all else bool(ticked & have)


FACETS: tuple[Facet, ...] = (
    Facet("doel", _("Wat wilt u bereiken?"), Goal, lambda m: m.goals),
    Facet("invloed", _("Hoeveel invloed krijgen deelnemers?"), Influence, lambda m: m.influence),
    Facet("doelgroep", _("Met wie?"), Audience, lambda m: m.audiences),
    Facet("vorm", _("Op locatie of online"), Channel, lambda m: m.channels),
    Facet("toegankelijk", _("Toegankelijk"), Access, lambda m: m.access, match_all=True),
    Facet("duur", _("Hoeveel tijd heeft u?"), Duration, lambda m: (m.duration,)),
    Facet("kosten", _("Kosten"), Cost, lambda m: (m.cost,)),
)
FACET_NAMES = tuple(f.name for f in FACETS)

Selection = dict[str, set[str]]


def parse_selection(params: Mapping) -> Selection:
    """The ticked values per facet from a QueryDict (or a dict of lists). Unknown values are
    dropped quietly: an old or hand-edited link still shows methods."""
    selection: Selection = {}
    for facet in FACETS:
        getlist = getattr(params, "getlist", None)
        raw = getlist(facet.name) if getlist else params.get(facet.name, [])
        ticked = {value for value in raw if value in facet.choices.values}
        if ticked:
            selection[facet.name] = ticked
    return selection


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    checked: bool
    remove_query: str = ""  # the query string without this value (for the "remove" chip)


@dataclass
class FacetResult:
    facet: Facet
    values: list[FacetValue] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.facet.name

    @property
    def label(self) -> str:
        return self.facet.label

    @property
    def checked_count(self) -> int:
        return sum(v.checked for v in self.values)


def _matches(method: MethodFacts, selection: Selection, skip: str | None = None) -> bool:
    return all(
        facet.matches(method, selection.get(facet.name, set()))
        for facet in FACETS
        if facet.name != skip
    )


def filter_methods(
    methods: Iterable[MethodFacts], selection: Selection, *, query: str = ""
) -> tuple[list[MethodFacts], list[FacetResult]]:
    """The methods that match every facet, and every facet's values with their counts."""
    methods = list(methods)
    matching = [m for m in methods if _matches(m, selection)]
    results = []
    for facet in FACETS:
        ticked = selection.get(facet.name, set())
        if facet.match_all:
            pool = matching  # ticking one more can only narrow what is already shown
        else:
            pool = [m for m in methods if _matches(m, selection, skip=facet.name)]
        counts: dict[str, int] = {}
        for method in pool:
            for value in set(facet.values(method)):
                counts[value] = counts.get(value, 0) + 1
        results.append(
            FacetResult(
                facet,
                [
                    FacetValue(
                        value=value,
                        label=str(label),
                        count=counts.get(value, 0),
                        checked=value in ticked,
                        remove_query=query_string(
                            _without(selection, facet.name, value), query=query
                        ),
                    )
                    for value, label in facet.choices.choices
                ],
            )
        )
    return matching, results


def _without(selection: Selection, name: str, value: str) -> Selection:
    copy = {key: set(values) for key, values in selection.items()}
    copy.get(name, set()).discard(value)
    return copy


def query_string(selection: Selection, *, query: str = "") -> str:
    """A stable query string for a selection, facets and values in vocabulary order."""
    pairs = [("q", query)] if query else []
    for facet in FACETS:
        ticked = selection.get(facet.name, set())
        pairs += [(facet.name, value) for value in facet.choices.values if value in ticked]
    return urlencode(pairs)
