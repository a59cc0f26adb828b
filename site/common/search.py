"""One search for the whole site (/zoeken/): each module registers what a resident may find in
it, as a kind of result with its own heading, and the search page asks them all, so the CMS
imports no module:

    from common.search import SearchHit, SearchKind, Words, full_text, register_search_kind

    def find(query: Words, limit: int) -> tuple[list[SearchHit], int]:
        found, total = full_text(Initiative.objects.public(), query, limit=limit)
        return [SearchHit(i.title, url, line) for i in found], total

    register_search_kind(SearchKind("initiatieven", _("Initiatieven"), 30, find))

The words go to Wagtail's search backend (`full_text`): the models are `index.Indexed` with
their `search_fields`, and only the public queryset is searched, so a draft is never found,
whatever the index holds. A kind answers with a constant number of queries."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.db.models import Q
from wagtail.search.backends import get_search_backend

MAX_WORDS = 12
MIN_PART = 4  # shorter words match inside too many others


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    line: str = ""  # one plain sentence: what it is, where or when


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str  # the heading of the group: "Initiatieven"
    order: int
    find: Callable[["Words", int], tuple[list[SearchHit], int]]


_kinds: dict[str, SearchKind] = {}


def register_search_kind(kind: SearchKind) -> None:
    _kinds[kind.key] = kind


def search_kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.order)


# Little words that say nothing of what a resident looks for ("muizen in de tuin"): left out
# when any word may match, or "de" would find every page.
STOP_WORDS = frozenset(
    [
        "aan",
        "bij",
        "dat",
        "de",
        "die",
        "een",
        "en",
        "er",
        "het",
        "hier",
        "ik",
        "in",
        "is",
        "je",
        "kan",
        "mij",
        "mijn",
        "met",
        "niet",
        "of",
        "om",
        "op",
        "te",
        "u",
        "uw",
        "van",
        "voor",
        "waar",
        "wat",
        "we",
        "wij",
        "ze",
        "zijn",
    ]
)


def query_words(text: str) -> list[str]:
    """Only words go to the full-text engine: quotes, stars and operators (AND, NOT) are syntax
    there, and a resident typing them must get results, not an error."""
    return re.findall(r"\w+", text.lower())[:MAX_WORDS]


@dataclass(frozen=True)
class Words:
    """What the resident typed, as words for the engine; `any_word` once nothing on the whole
    site has them all (a resident typing "lantaarnpaal kapot bij mij" still finds the light)."""

    words: tuple[str, ...]
    any_word: bool = False

    @classmethod
    def of(cls, text: str) -> "Words":
        return cls(tuple(query_words(text)))


def full_text(queryset, query: Words, *, limit: int, contains=("title",)) -> tuple[list, int]:
    """The best `limit` objects of `queryset` (an `index.Indexed` model) for the words, and how
    many there are in all.

    Full text matches whole words, and Dutch glues words together: "moestuin" is not a word of
    "Buurtmoestuin Hengelolaan". So the fields in `contains` (short ones: a title, keywords)
    also match on part of a word, after the full-text results."""
    words = query.words
    if not words:
        return [], 0
    operator = "or" if query.any_word else "and"
    results = get_search_backend().search(" ".join(words), queryset, operator=operator)
    found = list(results[:limit])
    total = len(found) if len(found) < limit else results.count()
    parts = [word for word in words if len(word) >= MIN_PART]
    if not contains or not parts or len(found) >= limit:
        return found, total
    join = operator_or if query.any_word else operator_and
    match = reduce(
        join,
        (reduce(operator_or, (Q(**{f"{f}__icontains": w}) for f in contains)) for w in parts),
    )
    more = queryset.filter(match).exclude(pk__in=[obj.pk for obj in found])
    extra = list(more[: limit - len(found)])
    extra_total = len(extra) if len(found) + len(extra) < limit else more.count()
    return found + extra, total + extra_total


def search_everything(text: str, limit: int, kinds=None) -> list[tuple[SearchKind, list, int]]:
    """Every kind with results: (kind, hits, total), in the order of the kinds. Every word must
    match; only when nothing anywhere has them all, any word may (the little words left out),
    and then the kinds whose titles hold most of the words come first."""
    query = Words.of(text)
    if not query.words:
        return []
    groups = _groups(query, limit, kinds)
    meaningful = tuple(word for word in query.words if word not in STOP_WORDS)
    if groups or len(query.words) == 1 or not meaningful:
        return groups
    groups = _groups(Words(meaningful, any_word=True), limit, kinds)

    def words_in_titles(group) -> int:
        return max(sum(word in hit.title.lower() for word in meaningful) for hit in group[1])

    return sorted(groups, key=words_in_titles, reverse=True)


def _groups(query: Words, limit: int, kinds) -> list[tuple[SearchKind, list, int]]:
    groups = []
    for kind in kinds or search_kinds():
        hits, total = kind.find(query, limit)
        if hits:
            groups.append((kind, hits, total))
    return groups
