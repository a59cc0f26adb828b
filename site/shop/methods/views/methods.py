"""The databank's listing: search, facets and one page of methods. The listing and the advice
(advice.py) weigh the same facts of every method, read here."""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q
from wagtail.models import Page

from common.parsing import search_words

from ..facets import MethodFacts, filter_methods, parse_selection


def page_model(name: str):
    return apps.get_model("shop", name)


SEARCH_FIELDS = ("title", "summary", "goal", "keywords", "example")
MAX_QUERY = 100


def search(queryset, query: str):
    """Every word must occur in one of the fields (case-insensitive), so 'jong buurt' finds
    'Jongeren' in one field and 'buurt' in another. Plain `icontains` rather than the search
    index: it finds parts of words, which helps residents who spell a word differently."""
    for word in query.split():
        match = Q()
        for name in SEARCH_FIELDS:
            match |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(match)
    return queryset


# The listing and the advice weigh the facts of every method but show only a page of them:
# facts come in one light query without page objects, the shown pages in a second one.
FACT_FIELDS = (
    "pk",
    "slug",
    "goals",
    "influence",
    "audiences",
    "channels",
    "duration",
    "cost",
    "low_literacy",
    "other_languages",
    "group_min",
    "group_max",
)
SETS = ("goals", "influence", "audiences", "channels")
LONG_TEXTS = ("goal", "steps", "pitfalls", "example", "access_note", "duration_note", "cost_note")
PAGE_SIZE = 50


def live_methods(locale_id):
    return page_model("MethodPage").objects.live().public().filter(locale_id=locale_id)


def method_facts(queryset) -> dict[int, MethodFacts]:
    """pk -> facts for every method in the queryset, in its order."""
    facts = {}
    for row in queryset.values(*FACT_FIELDS):
        pk = row.pop("pk")
        row["key"] = row.pop("slug")
        row.update({name: frozenset(row[name] or ()) for name in SETS})
        facts[pk] = MethodFacts(**row)
    return facts


def pages_for(facts: dict[int, MethodFacts], chosen) -> list[Page]:
    """The pages of `chosen` facts, in the order given."""
    pk_of = {id(f): pk for pk, f in facts.items()}
    pks = [pk_of[id(f)] for f in chosen]
    pages = page_model("MethodPage").objects.defer(*LONG_TEXTS).in_bulk(pks)
    return [pages[pk] for pk in pks if pk in pages]


def method_index_context(page: Page, request) -> dict:
    query = search_words(request.GET.get("q"), max_length=MAX_QUERY)
    selection = parse_selection(request.GET)
    methods = live_methods(page.locale_id).child_of(page)
    facts = method_facts(search(methods, query).order_by("title", "pk"))
    matching, facets = filter_methods(facts.values(), selection, query=query)
    listing = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("pagina"))
    listing.object_list = pages_for(facts, listing.object_list)
    chips = [
        {"facet": facet.label, "label": value.label, "remove_query": value.remove_query}
        for facet in facets
        for value in facet.values
        if value.checked
    ]
    return {
        "methods": listing,
        "found": listing.paginator.count,
        "facets": facets,
        "query": query,
        "chips": chips,
        "filtered": bool(selection or query),
        "advice_page": page_model("AdvicePage")
        .objects.live()
        .filter(locale_id=page.locale_id)
        .first(),
    }
