"""Faceted filtering of the databank, without a database: which methods match and what the
number next to each filter value says."""

from django.http import QueryDict

from shop.methods.facets import filter_methods, parse_selection, query_string

from .method_examples import BUDGET, POLL, TALK

# Group sizes play no part in the filters.

ALL = [TALK, POLL, BUDGET]


def keys(methods) -> list[str]:
    return [m.key for m in methods]


def counts(facets, name: str) -> dict[str, int]:
    facet = next(f for f in facets if f.name == name)
    return {v.value: v.count for v in facet.values}


def test_without_a_selection_every_method_shows_and_counts_add_up():
    matching, facets = filter_methods(ALL, {})
    assert keys(matching) == ["buurtgesprek", "online-peiling", "wijkbudget"]
    assert counts(facets, "doelgroep") == {
        "bewoners": 3,
        "jeugd": 2,
        "ouders": 0,
        "ouderen": 2,
        "ondernemers": 0,
        "nieuwkomers": 0,
        "organisaties": 0,
    }
    assert counts(facets, "kosten") == {"laag": 2, "middel": 0, "hoog": 1}
    assert counts(facets, "toegankelijk") == {"laaggeletterd": 2, "anderstalig": 1}


def test_values_of_one_facet_are_alternatives_and_facets_narrow_each_other():
    either = filter_methods(ALL, {"vorm": {"offline", "online"}})[0]
    assert keys(either) == ["buurtgesprek", "online-peiling", "wijkbudget"]
    both = filter_methods(ALL, {"vorm": {"online"}, "doelgroep": {"ouderen"}})[0]
    assert keys(both) == ["wijkbudget"]


def test_a_count_says_how_many_you_would_see_after_ticking_it():
    matching, facets = filter_methods(ALL, {"doelgroep": {"ouderen"}})
    assert keys(matching) == ["buurtgesprek", "wijkbudget"]
    # Other facets count within the ticked audience ...
    assert counts(facets, "vorm") == {"offline": 2, "online": 1}
    assert counts(facets, "duur") == {"kort": 1, "middel": 0, "lang": 1}
    # ... while the audience facet ignores its own tick: ticking "jeugd" too would show
    # every method for young or old people.
    assert counts(facets, "doelgroep")["jeugd"] == 2
    assert counts(facets, "doelgroep")["ouderen"] == 2
    checked = {v.value for f in facets for v in f.values if v.checked}
    assert checked == {"ouderen"}


def test_accessibility_needs_must_all_be_met():
    assert keys(filter_methods(ALL, {"toegankelijk": {"laaggeletterd"}})[0]) == [
        "buurtgesprek",
        "wijkbudget",
    ]
    matching, facets = filter_methods(ALL, {"toegankelijk": {"laaggeletterd", "anderstalig"}})
    assert keys(matching) == ["buurtgesprek"]
    assert counts(facets, "toegankelijk") == {"laaggeletterd": 1, "anderstalig": 1}


def test_unknown_values_from_an_old_or_edited_link_are_dropped():
    params = QueryDict("doelgroep=ouderen&doelgroep=marsmannetjes&kleur=rood&duur=")
    assert parse_selection(params) == {"doelgroep": {"ouderen"}}
    assert parse_selection({"kosten": ["laag", "gratis"]}) == {"kosten": {"laag"}}


def test_the_link_to_a_selection_is_stable_and_chips_remove_one_value():
    selection = {"kosten": {"laag"}, "doelgroep": {"ouderen", "jeugd"}}
    assert (
        query_string(selection, query="buurt")
        == "q=buurt&doelgroep=jeugd&doelgroep=ouderen&kosten=laag"
    )
    _matching, facets = filter_methods(ALL, selection, query="buurt")
    audience = next(f for f in facets if f.name == "doelgroep")
    jeugd = next(v for v in audience.values if v.value == "jeugd")
    assert jeugd.remove_query == "q=buurt&doelgroep=ouderen&kosten=laag"
    assert selection["doelgroep"] == {"ouderen", "jeugd"}  # the selection itself is untouched
