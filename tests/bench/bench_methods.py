"""Methods databank benchmark (issue 5, item 11): the index with no filter, each facet and all
filters at once, with the real 29 methods and with 200 more. Figures are printed; the only
assertion is that the query count does not grow with the number of methods."""

import os

import pytest

from shop.methods.pages import MethodIndexPage
from tests.bench.conftest import measure
from tests.shop.method_examples import EVERY_FILTER
from tests.shop.test_methods_support import add_method

pytestmark = pytest.mark.django_db

URL = "/participatiewinkel/methoden/"
FILTERS = {
    "geen filter": {},
    "zoeken": {"q": "wijk"},
    "invloed": {"invloed": ["meebeslissen"]},
    "doelgroep + vorm": {"doelgroep": ["jeugd"], "vorm": ["offline"]},
    "alle filters": EVERY_FILTER,
}


def test_methods_index_with_every_filter(client, page_tree, timer):
    index = MethodIndexPage.objects.get(locale__language_code="nl")
    extra = int(os.environ.get("BENCH_METHODS", "200"))
    results = {}
    for size_label in ("databank", f"+{extra}"):
        if size_label != "databank":
            for n in range(extra):
                add_method(index, f"bench-{n}", title=f"Bench methode {n}")
        for label, params in FILTERS.items():
            timer.samples = []
            queries = measure(client, URL, timer, params=params)
            results[(label, size_label)] = (queries, timer.report(f"{label} @ {size_label}"))
    print()
    for (_label, _size), (queries, line) in results.items():
        print(f"{line} queries={queries}")
    for label in FILTERS:
        assert results[(label, "databank")][0] == results[(label, f"+{extra}")][0], label
